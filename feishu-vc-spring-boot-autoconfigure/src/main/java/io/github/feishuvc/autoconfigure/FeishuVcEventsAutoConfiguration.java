package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.util.List;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.events.FeishuEventReceiver;
import io.github.feishuvc.events.ServletFeishuEventEndpoint;
import io.github.feishuvc.events.WebFluxFeishuEventEndpoint;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the event endpoint ({@code feishu.vc.events.*}) on the application's own web server,
 * WebFlux or Spring MVC: on by default for a store app, which receives its app ticket there, and when
 * {@code feishu.vc.events.enabled=true}.
 */
@AutoConfiguration(after = FeishuVcAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBean(AppTicketStore.class)
@Conditional(FeishuVcConditions.EventEndpoint.class)
public final class FeishuVcEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FeishuEventReceiver feishuEventReceiver(FeishuVcProperties properties, AppTicketStore appTicketStore,
			ApplicationEventPublisher publisher) {
		FeishuVcTokenProviderConfigurations.checkCredentials(properties);
		FeishuVcProperties.Events events = properties.getEvents();
		if (!StringUtils.hasText(events.getVerificationToken())) {
			throw new MissingFeishuVcCredentialsException(
					List.of(FeishuVcProperties.PREFIX + ".events.verification-token"),
					"The Feishu event endpoint needs the verification token of your app to tell the platform's events "
							+ "from forged ones");
		}
		String encryptKey = StringUtils.hasText(events.getEncryptKey()) ? events.getEncryptKey() : null;
		return new FeishuEventReceiver(new FeishuEventReceiver.Settings(properties.getAppId(),
				events.getVerificationToken(), encryptKey, events.getMaxClockSkew()), appTicketStore,
				publisher::publishEvent, Schedulers.boundedElastic(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class WebFluxEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcEventRoute")
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> feishuVcEventRoute(
				FeishuEventReceiver receiver, FeishuVcProperties properties) {
			return new WebFluxFeishuEventEndpoint(receiver).route(properties.getEvents().getPath());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class ServletEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "feishuVcEventRoute")
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> feishuVcEventRoute(
				FeishuEventReceiver receiver, FeishuVcProperties properties) {
			return new ServletFeishuEventEndpoint(receiver).route(properties.getEvents().getPath());
		}

	}

}
