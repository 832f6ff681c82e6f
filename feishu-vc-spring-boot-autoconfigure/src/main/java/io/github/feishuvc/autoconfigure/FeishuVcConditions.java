package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.autoconfigure.FeishuVcProperties.AppType;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on the kind of app and the event endpoint, read with Boot's relaxed binding so that
 * {@code self-built}, {@code SELF_BUILT} and {@code selfBuilt} all count.
 */
final class FeishuVcConditions {

	private static final String APP_TYPE = FeishuVcProperties.PREFIX + ".app-type";

	private static final String EVENTS_ENABLED = FeishuVcProperties.PREFIX + ".events.enabled";

	private static final String STORE_TYPE = FeishuVcProperties.PREFIX + ".store.type";

	private FeishuVcConditions() {
	}

	static AppType appType(ConditionContext context) {
		return Binder.get(context.getEnvironment()).bind(APP_TYPE, AppType.class).orElse(AppType.SELF_BUILT);
	}

	/** Matches a self-built app, the default. */
	static final class SelfBuiltApp extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			AppType type = appType(context);
			return new ConditionOutcome(type == AppType.SELF_BUILT, APP_TYPE + " is " + type);
		}

	}

	/** Matches a store app. */
	static final class StoreApp extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			AppType type = appType(context);
			return new ConditionOutcome(type == AppType.STORE, APP_TYPE + " is " + type);
		}

	}

	/** Matches when the instances share their state through Redis. */
	static final class RedisStore extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			FeishuVcProperties.StoreType type = Binder.get(context.getEnvironment())
				.bind(STORE_TYPE, FeishuVcProperties.StoreType.class)
				.orElse(FeishuVcProperties.StoreType.MEMORY);
			return new ConditionOutcome(type == FeishuVcProperties.StoreType.REDIS, STORE_TYPE + " is " + type);
		}

	}

	/** Matches when the event endpoint is wanted: switched on, or left unset by a store app. */
	static final class EventEndpoint extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Boolean enabled = Binder.get(context.getEnvironment()).bind(EVENTS_ENABLED, Boolean.class).orElse(null);
			if (enabled != null) {
				return new ConditionOutcome(enabled, EVENTS_ENABLED + " is " + enabled);
			}
			AppType type = appType(context);
			return new ConditionOutcome(type == AppType.STORE,
					EVENTS_ENABLED + " is not set and " + APP_TYPE + " is " + type);
		}

	}

}
