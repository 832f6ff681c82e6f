package io.github.feishuvc.test;

import java.util.HashMap;
import java.util.List;

import io.github.feishuvc.autoconfigure.FeishuVcProperties.EventsMode;
import io.github.feishuvc.events.webhook.FeishuEventReceiver;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Gives a test context annotated with {@link AutoConfigureFeishuVcEmulator} its emulator. Registered in
 * {@code META-INF/spring.factories}; the settings are the customizer's identity, so that Spring's context cache keeps
 * contexts of different settings apart.
 */
class FeishuVcEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	private static final boolean WEB_SERVER_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.web.server.context.WebServerInitializedEvent",
			FeishuVcEmulatorContextCustomizerFactory.class.getClassLoader());

	/** The platform's standard tier, which the emulator enforces when asked. */
	private static final int PER_SECOND = 50;

	private static final int PER_MINUTE = 1000;

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFeishuVcEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFeishuVcEmulator.class);
		return (annotation != null) ? new EmulatorCustomizer(new Settings(List.of(annotation.storeApp()),
				annotation.encryptKey(), annotation.enforceRateLimits())) : null;
	}

	/** What the annotation asked for. */
	record Settings(List<String> storeApp, String encryptKey, boolean enforceRateLimits) {

		FeishuVcEmulator start() {
			FeishuVcEmulator.Builder builder = FeishuVcEmulator.builder();
			if (!this.storeApp.isEmpty()) {
				builder.storeApp(this.storeApp.toArray(String[]::new));
			}
			if (!this.encryptKey.isEmpty()) {
				builder.encryptKey(this.encryptKey);
			}
			if (this.enforceRateLimits) {
				builder.enforceRateLimits(PER_SECOND, PER_MINUTE);
			}
			return builder.start();
		}

	}

	/**
	 * Starts the emulator of one context, points the application at it and closes it with the context, or when the
	 * context fails to start.
	 */
	record EmulatorCustomizer(Settings settings) implements ContextCustomizer {

		/** The emulator's bean name. */
		static final String BEAN_NAME = "feishuVcEmulator";

		/**
		 * Why the emulator cannot push events to an application that started without a web server, and what to do.
		 */
		static final String NO_WEB_SERVER = "The emulator has nowhere to push this event: the application of this "
				+ "test has no web server (@SpringBootTest's default webEnvironment, MOCK, starts none). Start one with "
				+ "@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT) or DEFINED_PORT, and the emulator pushes "
				+ "its events to the application's event endpoint; or receive them over the long connection "
				+ "(feishu.vc.events.mode=long-connection).";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			FeishuVcEmulator emulator = this.settings.start();
			ConfigurableEnvironment environment = context.getEnvironment();
			environment.getPropertySources()
				.addFirst(new MapPropertySource("feishuVcEmulator", new HashMap<String, Object>(emulator.springProperties())));
			context.getBeanFactory().registerSingleton(BEAN_NAME, emulator);
			// Destroyed with the beans: last (it was registered first), after the application's lifecycle stopped, and
			// also when the context fails to start, which publishes no closed event.
			((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN_NAME, emulator::close);
			if (WEB_SERVER_PRESENT) {
				EventUrl.deliverOnceServing(context, emulator);
			}
			// A web server starts before the context is refreshed: without one, no event URL will come, and an event
			// pushed then fails at once, saying why, rather than after a wait or not at all.
			context.addApplicationListener((ContextRefreshedEvent event) -> {
				if (event.getApplicationContext() == context && !emulator.hasEventUrl() && !longConnection(context)) {
					emulator.noEventDestination(NO_WEB_SERVER,
							context.getBeanNamesForType(FeishuEventReceiver.class, false, false).length > 0);
				}
			});
		}

		private static boolean longConnection(ApplicationContext context) {
			return Binder.get(context.getEnvironment())
				.bind("feishu.vc.events.mode", EventsMode.class)
				.orElse(EventsMode.WEBHOOK) == EventsMode.LONG_CONNECTION;
		}

		@Override
		public String toString() {
			return "AutoConfigureFeishuVcEmulator[" + this.settings + "]";
		}

	}

	/** Kept apart so that an application without a web server never loads the web server's event. */
	private static final class EventUrl {

		static void deliverOnceServing(ConfigurableApplicationContext context, FeishuVcEmulator emulator) {
			context.addApplicationListener((WebServerInitializedEvent event) -> {
				// The management server, when it has a port of its own, serves no event endpoint.
				if (event.getApplicationContext().getServerNamespace() == null) {
					emulator.deliverEventsTo("http://127.0.0.1:" + event.getWebServer().getPort()
							+ applicationPath(event.getApplicationContext()) + eventsPath(event.getApplicationContext()));
				}
			});
		}

		/**
		 * Where the application's paths start: Spring MVC's context path ({@code server.servlet.context-path}) or
		 * WebFlux's base path ({@code spring.webflux.base-path}), normalised as Spring Boot does; empty for the root.
		 */
		static String applicationPath(ApplicationContext context) {
			String property = (context instanceof ReactiveWebApplicationContext) ? "spring.webflux.base-path"
					: "server.servlet.context-path";
			String path = Binder.get(context.getEnvironment()).bind(property, String.class).orElse("").strip();
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			return (path.isEmpty() || path.startsWith("/")) ? path : "/" + path;
		}

		private static String eventsPath(ApplicationContext context) {
			return Binder.get(context.getEnvironment()).bind("feishu.vc.events.path", String.class).orElse("/feishu/events");
		}

	}

}
