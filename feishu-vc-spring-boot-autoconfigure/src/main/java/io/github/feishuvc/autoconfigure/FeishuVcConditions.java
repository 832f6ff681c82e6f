package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.autoconfigure.FeishuVcProperties.AppType;
import io.github.feishuvc.autoconfigure.FeishuVcProperties.EventsMode;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on the kind of app and how events arrive, read with Boot's relaxed binding so that
 * {@code self-built}, {@code SELF_BUILT} and {@code selfBuilt} all count.
 */
final class FeishuVcConditions {

	private static final String APP_TYPE = FeishuVcProperties.PREFIX + ".app-type";

	private static final String EVENTS_ENABLED = FeishuVcProperties.PREFIX + ".events.enabled";

	private static final String EVENTS_MODE = FeishuVcProperties.PREFIX + ".events.mode";

	private static final String SHARED_STATE = FeishuVcProperties.PREFIX + ".shared-state";

	private FeishuVcConditions() {
	}

	static AppType appType(ConditionContext context) {
		return Binder.get(context.getEnvironment()).bind(APP_TYPE, AppType.class).orElse(AppType.SELF_BUILT);
	}

	/** Matches any application but a reactive web application: where Spring Security's servlet-side beans apply. */
	static final class NotReactiveWebApplication extends NoneNestedConditions {

		NotReactiveWebApplication() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static final class Reactive {

		}

	}

	/** Matches any application but a servlet web application: where Spring Security's reactive beans apply. */
	static final class NotServletWebApplication extends NoneNestedConditions {

		NotServletWebApplication() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		static final class Servlet {

		}

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
	static final class RedisSharedState extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			FeishuVcProperties.SharedStateType type = Binder.get(context.getEnvironment())
				.bind(SHARED_STATE + ".type", FeishuVcProperties.SharedStateType.class)
				.orElse(FeishuVcProperties.SharedStateType.MEMORY);
			return new ConditionOutcome(type == FeishuVcProperties.SharedStateType.REDIS,
					SHARED_STATE + ".type is " + type);
		}

	}

	static EventsMode eventsMode(ConditionContext context) {
		return Binder.get(context.getEnvironment()).bind(EVENTS_MODE, EventsMode.class).orElse(EventsMode.WEBHOOK);
	}

	/** Matches when events arrive over the long connection. */
	static final class LongConnection extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			EventsMode mode = eventsMode(context);
			return new ConditionOutcome(mode == EventsMode.LONG_CONNECTION, EVENTS_MODE + " is " + mode);
		}

	}

	/**
	 * Matches when the event endpoint is wanted: events arrive by webhook, and the endpoint is switched on, or left
	 * unset by a store app.
	 */
	static final class EventEndpoint extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			EventsMode mode = eventsMode(context);
			if (mode != EventsMode.WEBHOOK) {
				return ConditionOutcome.noMatch(EVENTS_MODE + " is " + mode);
			}
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
