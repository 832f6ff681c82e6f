package io.github.feishuvc.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link FeishuVcConfigurationException}, such as a {@link MissingFeishuVcCredentialsException}: what is
 * missing or wrong, and what to do about it.
 */
class MissingFeishuVcCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<FeishuVcConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FeishuVcConfigurationException cause) {
		String description = (cause instanceof MissingFeishuVcCredentialsException missing)
				? missing.getNeededBy() + ", but " + String.join(" and ", missing.getMissingProperties())
						+ ((missing.getMissingProperties().size() > 1) ? " are" : " is") + " not set."
				: cause.getMessage();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
