package io.github.feishuvc.redis;

/**
 * The names of the keys the starter writes, each with a hash tag (the part in braces, which alone decides a key's slot
 * on Redis Cluster) so that the keys one script takes are in one slot: a cluster refuses a script whose keys are not
 * ({@code CROSSSLOT}).
 *
 * <p>Which tag: per app and tenant where the keys are a tenant's, per app where one script needs the keys of every
 * tenant. A rate-limit window and its hold belong to one app, tenant and operation, so their tag is the app and the
 * tenant: a store app's tenants spread over the cluster's primaries instead of all landing on one, and each tenant's
 * windows stay together. A token and its lock are tagged by the token's own key (app, and tenant for a tenant's
 * token), for the same reason. The event ids are per app: one claim reads the sets of the ids of the whole window,
 * which hold every tenant's events, so all of them must share a slot. The app ticket is one key per app.
 *
 * <p>A key prefix ({@code feishu.vc.shared-state.key-prefix}) with a tag of its own ({@code {app1}:}) puts every key
 * in that one slot, which works; one whose first brace is followed at once by a closing one ({@code x{}:}) makes Redis
 * hash each key whole, and the start-up check refuses it.
 */
final class RedisKeys {

	private RedisKeys() {
	}

	/**
	 * The start of the keys of one app.
	 * @param keyPrefix the prefix of every key, such as {@code feishu:vc:}
	 * @param appId the app's id
	 * @return such as {@code feishu:vc:{cli_xxx}:}
	 */
	static String app(String keyPrefix, String appId) {
		return tagged(keyPrefix, appId) + ":";
	}

	/**
	 * The start of the keys of one tenant of an app.
	 * @param keyPrefix the prefix of every key, such as {@code feishu:vc:}
	 * @param appId the app's id
	 * @param tenantKey the tenant's key, {@code -} for a self-built app's own tenant
	 * @return such as {@code feishu:vc:{cli_xxx:-}:}
	 */
	static String tenant(String keyPrefix, String appId, String tenantKey) {
		return tagged(keyPrefix, appId + ":" + tenantKey) + ":";
	}

	/**
	 * A key whose whole name past the prefix is its tag.
	 * @param keyPrefix the prefix of every key, such as {@code feishu:vc:}
	 * @param tag what decides the key's slot, such as a token store's key
	 * @return such as {@code feishu:vc:{token:cli_xxx:app}}
	 */
	static String tagged(String keyPrefix, String tag) {
		return keyPrefix + "{" + tag + "}";
	}

}
