package io.github.feishuvc.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The app the emulated platform serves: its credentials, its kind, the tenants that installed it and its event
 * settings.
 *
 * @param appId the app id
 * @param appSecret the app secret
 * @param store whether it is a store app (else self-built)
 * @param tenants the tenants' keys; a self-built app has one, its own
 * @param verificationToken the verification token its events carry
 * @param encryptKey the key its events are encrypted with, or {@code null} for plain events
 */
record EmulatedApp(String appId, String appSecret, boolean store, List<String> tenants, String verificationToken,
		@Nullable String encryptKey) {

	/** The tenant of a self-built app, and the one a store app's preloaded data and user tokens belong to. */
	String defaultTenant() {
		return this.tenants.get(0);
	}

}
