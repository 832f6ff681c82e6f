package io.github.feishuvc.autoconfigure;

import java.util.List;

/**
 * Thrown at startup when a credential the configuration needs is not set: {@code feishu.vc.app-id},
 * {@code feishu.vc.app-secret}, or the {@code feishu.vc.events.verification-token} of the event endpoint; explained
 * by {@link MissingFeishuVcCredentialsFailureAnalyzer}.
 */
public class MissingFeishuVcCredentialsException extends FeishuVcConfigurationException {

	/** The properties that are not set. */
	private final List<String> missingProperties;

	/** What needs them. */
	private final String neededBy;

	MissingFeishuVcCredentialsException(List<String> missingProperties, String neededBy) {
		super("Feishu VC credentials are not configured: " + String.join(" and ", missingProperties)
				+ ((missingProperties.size() > 1) ? " are" : " is") + " not set", action(missingProperties));
		this.missingProperties = List.copyOf(missingProperties);
		this.neededBy = neededBy;
	}

	/**
	 * What needs the properties, such as {@code The Feishu VC client needs the credentials of a Feishu self-built
	 * app}.
	 * @return the sentence's start
	 */
	public String getNeededBy() {
		return this.neededBy;
	}

	/**
	 * The properties that need a value.
	 * @return the property names
	 */
	public List<String> getMissingProperties() {
		return this.missingProperties;
	}

	private static String action(List<String> missing) {
		if (missing.contains(FeishuVcProperties.PREFIX + ".events.verification-token")) {
			return "Set feishu.vc.events.verification-token to the Verification Token on the Events and callbacks "
					+ "page (Encryption strategy) of your app in the Feishu developer console, or set "
					+ "feishu.vc.events.enabled=false to serve no event endpoint (a store app then has to feed its "
					+ "app tickets to the AppTicketStore itself).";
		}
		return "Set feishu.vc.app-id and feishu.vc.app-secret (for example through the environment "
				+ "variables FEISHU_VC_APP_ID and FEISHU_VC_APP_SECRET) to the values on the Credentials page of "
				+ "your app in the Feishu developer console, or set feishu.vc.enabled=false to switch the client off.";
	}

}
