package io.github.feishuvc.autoconfigure;

import java.util.List;

/**
 * Thrown at startup when {@code feishu.vc.app-id} or {@code feishu.vc.app-secret} is not set; explained by
 * {@link MissingFeishuVcCredentialsFailureAnalyzer}.
 */
public class MissingFeishuVcCredentialsException extends IllegalStateException {

	private final List<String> missingProperties;

	MissingFeishuVcCredentialsException(List<String> missingProperties) {
		super("Feishu VC credentials are not configured: " + String.join(" and ", missingProperties)
				+ ((missingProperties.size() > 1) ? " are" : " is") + " not set");
		this.missingProperties = List.copyOf(missingProperties);
	}

	/**
	 * The properties that need a value.
	 * @return the property names
	 */
	public List<String> getMissingProperties() {
		return this.missingProperties;
	}

}
