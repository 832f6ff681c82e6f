package io.github.feishuvc.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MissingFeishuVcCredentialsException}: which properties to set, and how to switch the client
 * off.
 */
class MissingFeishuVcCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingFeishuVcCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingFeishuVcCredentialsException cause) {
		String missing = String.join(" and ", cause.getMissingProperties());
		String description = "The Feishu VC client needs the credentials of a Feishu self-built app, but " + missing
				+ ((cause.getMissingProperties().size() > 1) ? " are" : " is") + " not set.";
		String action = "Set feishu.vc.app-id and feishu.vc.app-secret (for example through the environment "
				+ "variables FEISHU_VC_APP_ID and FEISHU_VC_APP_SECRET) to the values on the Credentials page of "
				+ "your app in the Feishu developer console, or set feishu.vc.enabled=false to switch the client off.";
		return new FailureAnalysis(description, action, cause);
	}

}
