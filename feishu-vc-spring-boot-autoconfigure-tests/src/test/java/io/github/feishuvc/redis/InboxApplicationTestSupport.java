package io.github.feishuvc.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.meeting.event.MeetingStartedEvent;
import io.github.feishuvc.support.MutableClock;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EventDelivery;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.invoke.convert.ConversionServiceParameterValueMapper;
import org.springframework.boot.actuate.endpoint.web.EndpointLinksResolver;
import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.actuate.endpoint.web.WebFluxEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;

/**
 * What the inbox's application tests share: an emulator on a clock they move, the applications they start (on the
 * webhook, with the inbox on a real {@code redis-server}) and close, and the application's listener.
 */
abstract class InboxApplicationTestSupport {

	protected static final String EVENT = "{\"meeting\": {\"id\": \"6911188411934433028\", \"topic\": \"inbox\"}}";

	protected final MutableClock clock = new MutableClock(Instant.now());

	protected final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.clock(this.clock)
		.longConnectionPingInterval(Duration.ofSeconds(1))
		.start();

	protected final Deque<AutoCloseable> closeables = new ArrayDeque<>();

	protected RedisServer redis;

	@AfterEach
	void stop() throws Exception {
		while (!this.closeables.isEmpty()) {
			this.closeables.pop().close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
		this.emulator.close();
	}

	protected EventDelivery push() {
		return this.emulator.pushEvent(MeetingStartedEvent.TYPE, FeishuVcEmulator.DEFAULT_TENANT_KEY, EVENT);
	}

	/** An application on the webhook, its events delivered by the emulator to the last one started. */
	protected ConfigurableApplicationContext webhookApplication(String... properties) {
		ConfigurableApplicationContext context = TestFeishu
			.webApplication(InboxApplication.class, WebApplicationType.REACTIVE, this.emulator)
			.properties(this.redis.springProperties().toArray(String[]::new))
			.properties("feishu.vc.shared-state.type=redis", "feishu.vc.events.enabled=true",
					"feishu.vc.events.inbox.backoff=10ms")
			.properties(properties)
			.run();
		this.closeables.push(context);
		this.emulator.deliverEventsTo(TestFeishu.url(context, "/feishu/events"));
		return context;
	}

	/** The emulator's tick reads its clock every 50 ms: poll as often. */
	protected static ConditionFactory await() {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Actuator.class)
	static class InboxApplication {

		@Bean
		FailingListener failingListener() {
			return new FailingListener();
		}

	}

	/**
	 * The web endpoints under {@code /actuator}, as Boot's actuator auto-configuration maps them (which is not on this
	 * module's class path, where it would change every other test's application), secured as an application would.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class Actuator {

		@Bean
		WebFluxEndpointHandlerMapping actuatorEndpoints(ApplicationContext context) {
			WebEndpointDiscoverer discoverer = new WebEndpointDiscoverer(context,
					new ConversionServiceParameterValueMapper(), EndpointMediaTypes.DEFAULT, List.of(), List.of(),
					List.of(), List.of(), List.of());
			Collection<ExposableWebEndpoint> endpoints = discoverer.getEndpoints();
			return new WebFluxEndpointHandlerMapping(new EndpointMapping("/actuator"), endpoints,
					EndpointMediaTypes.DEFAULT, new CorsConfiguration(), new EndpointLinksResolver(endpoints), false);
		}

		/** The actuator's endpoints for an operator only, with HTTP basic, as an application would secure them. */
		@Bean
		SecurityWebFilterChain actuatorSecurity(ServerHttpSecurity http) {
			return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator/**"))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().hasRole("OPERATOR"))
				.httpBasic(Customizer.withDefaults())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		MapReactiveUserDetailsService operators() {
			return new MapReactiveUserDetailsService(
					User.withUsername("operator").password("{noop}operator-password").roles("OPERATOR").build());
		}

	}

	/** Fails as many times as it is told, as a listener whose database is away would; or waits to be let go. */
	static class FailingListener {

		final AtomicInteger failures = new AtomicInteger();

		final List<String> seen = new CopyOnWriteArrayList<>();

		final List<String> succeeded = new CopyOnWriteArrayList<>();

		volatile CountDownLatch hold;

		@EventListener
		void on(FeishuEvent event) throws InterruptedException {
			this.seen.add(event.eventId());
			CountDownLatch hold = this.hold;
			if (hold != null) {
				hold.await(30, TimeUnit.SECONDS);
				if (this.hold != null) {
					throw new IllegalStateException("held until the test ended");
				}
			}
			if (this.failures.getAndDecrement() > 0) {
				throw new IllegalStateException("the database is away");
			}
			this.succeeded.add(event.eventId());
		}

	}

}
