package io.github.feishuvc.autoconfigure;

/**
 * Thrown at startup when the Feishu VC configuration cannot work, with what is wrong and what to do; explained by
 * {@link MissingFeishuVcCredentialsFailureAnalyzer}.
 */
public class FeishuVcConfigurationException extends IllegalStateException {

	/** What to do about it. */
	private final String action;

	FeishuVcConfigurationException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
