package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import io.github.feishuvc.events.webhook.RefusalListener;
import io.github.feishuvc.events.webhook.RefusalReason;
import io.github.feishuvc.events.webhook.ServletFeishuEventEndpoint;
import io.github.feishuvc.events.webhook.WebFluxFeishuEventEndpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the event endpoint ({@code feishu.vc.events.*}) on the application's own web server,
 * WebFlux or Spring MVC, when events arrive by webhook ({@code feishu.vc.events.mode}, the default): on by default for
 * a store app, which receives its app ticket there, and when {@code feishu.vc.events.enabled=true}.
 *
 * <p>Each event is published as a {@code FeishuEvent} and, for the meeting events, as its typed
 * {@link io.github.feishuvc.meeting.event.MeetingEvent} too (every {@link io.github.feishuvc.events.FeishuEventDecoder}
 * bean adds a family).
 * Listeners run on the executor named {@value #EVENT_EXECUTOR} if the application defines one, else on the starter's
 * bounded {@link io.github.feishuvc.events.EventListenerPool}, drained when the application stops
 * ({@code feishu.vc.events.listeners.*}). Refused requests are counted as
 * {@code feishu.vc.events.refused} (tag {@code reason}) when the application has a {@link MeterRegistry}.
 */
@AutoConfiguration(after = FeishuVcAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBean(AppTicketStore.class)
@Conditional(FeishuVcConditions.EventEndpoint.class)
@Import(FeishuVcEventPublishingConfiguration.class)
@EnableConfigurationProperties({ FeishuVcEventsProperties.class, FeishuVcSharedStateProperties.class })
public final class FeishuVcEventsAutoConfiguration {

	/** Name of the {@link java.util.concurrent.Executor} bean that listeners run on, if the application defines one. */
	public static final String EVENT_EXECUTOR = FeishuVcEventPublishingConfiguration.EVENT_EXECUTOR;

	@Bean
	@ConditionalOnMissingBean
	FeishuEventReceiver feishuEventReceiver(FeishuVcProperties properties, FeishuVcEventsProperties events,
			AppTicketStore appTicketStore,
			EventDispatcher dispatcher, ObjectProvider<RefusalListener> refusalListeners) {
		FeishuVcTokenProviderConfigurations.checkCredentials(properties);
		if (!StringUtils.hasText(events.getVerificationToken())) {
			throw new MissingFeishuVcCredentialsException(
					List.of(FeishuVcEventsProperties.PREFIX + ".verification-token"),
					"The Feishu event endpoint needs the verification token of your app to tell the platform's events "
							+ "from forged ones");
		}
		String encryptKey = StringUtils.hasText(events.getEncryptKey()) ? events.getEncryptKey() : null;
		List<RefusalListener> listeners = refusalListeners.orderedStream().toList();
		return new FeishuEventReceiver(new FeishuEventReceiver.Settings(properties.getAppId(),
				events.getVerificationToken(), encryptKey, events.getMaxClockSkew()), appTicketStore, dispatcher,
				Clock.systemUTC(), (reason) -> listeners.forEach((listener) -> listener.refused(reason)));
	}

	/** Counts refusals when the application has a meter registry, whichever auto-configuration made it. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class RefusalMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcEventRefusalMetrics")
		RefusalListener feishuVcEventRefusalMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
			MeterRegistry registry = meterRegistry.getIfUnique();
			if (registry == null) {
				return (reason) -> {
				};
			}
			Map<RefusalReason, Counter> counters = new EnumMap<>(RefusalReason.class);
			for (RefusalReason reason : RefusalReason.values()) {
				counters.put(reason, Counter.builder("feishu.vc.events.refused")
					.description("Requests the Feishu event endpoint refused, by reason")
					.tag("reason", reason.tag())
					.register(registry));
			}
			return (reason) -> counters.get(reason).increment();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class WebFluxEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcEventRoute")
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> feishuVcEventRoute(
				FeishuEventReceiver receiver, FeishuVcEventsProperties events) {
			return new WebFluxFeishuEventEndpoint(receiver).route(events.getPath());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class ServletEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcEventRoute")
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> feishuVcEventRoute(
				FeishuEventReceiver receiver, FeishuVcEventsProperties events) {
			return new ServletFeishuEventEndpoint(receiver).route(events.getPath());
		}

	}

}
