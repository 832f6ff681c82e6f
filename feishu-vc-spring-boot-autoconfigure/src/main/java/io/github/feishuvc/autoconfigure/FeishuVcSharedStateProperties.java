package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the state the instances of an app share ({@code feishu.vc.shared-state.*}): the rate-limit windows, a
 * store app's ticket, the tokens and the ids of the events published.
 */
@ConfigurationProperties(FeishuVcSharedStateProperties.PREFIX)
public final class FeishuVcSharedStateProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc.shared-state";

	/**
	 * Where the rate-limit windows, app tickets, tokens and event ids live: in this instance's memory, or in Redis,
	 * shared by every instance of the app (needs spring-boot-starter-data-redis and spring.data.redis.*).
	 */
	private final FeishuVcProperties.SharedStateType type;

	/**
	 * Prefix of every Redis key the starter writes.
	 */
	private final String keyPrefix;

	/**
	 * Whether the instances share their tokens, so that one fetch serves them all.
	 */
	private final boolean shareTokens;

	/**
	 * Longest any one Redis operation may take; past it, the instance goes on with its own memory.
	 */
	private final Duration timeout;

	/**
	 * Bind the properties; a default applies to each one that is not set.
	 * @param type where the rate-limit windows, app tickets, tokens and event ids live: in this instance's memory,
	 * or in Redis, shared by every instance of the app (needs spring-boot-starter-data-redis and
	 * spring.data.redis.*).
	 * @param keyPrefix prefix of every Redis key the starter writes.
	 * @param shareTokens whether the instances share their tokens, so that one fetch serves them all.
	 * @param timeout longest any one Redis operation may take; past it, the instance goes on with its own memory.
	 */
	public FeishuVcSharedStateProperties(@DefaultValue("memory") FeishuVcProperties.SharedStateType type,
			@DefaultValue("feishu:vc:") String keyPrefix, @DefaultValue("true") boolean shareTokens,
			@DefaultValue("500ms") Duration timeout) {
		this.type = type;
		this.keyPrefix = keyPrefix;
		this.shareTokens = shareTokens;
		this.timeout = FeishuVcProperties.positive(timeout, "shared-state.timeout");
	}

	/**
	 * {@return where the rate-limit windows, app tickets, tokens and event ids live: in this instance's memory, or
	 * in Redis, shared by every instance of the app (needs spring-boot-starter-data-redis and spring.data.redis.*)}
	 */
	public FeishuVcProperties.SharedStateType getType() {
		return this.type;
	}

	/**
	 * {@return prefix of every Redis key the starter writes}
	 */
	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	/**
	 * {@return whether the instances share their tokens, so that one fetch serves them all}
	 */
	public boolean isShareTokens() {
		return this.shareTokens;
	}

	/**
	 * {@return longest any one Redis operation may take; past it, the instance goes on with its own memory}
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	@Override
	public String toString() {
		return "FeishuVcSharedStateProperties[type=" + this.type + ", keyPrefix=" + this.keyPrefix + ", shareTokens="
				+ this.shareTokens + ", timeout=" + this.timeout + "]";
	}

}
