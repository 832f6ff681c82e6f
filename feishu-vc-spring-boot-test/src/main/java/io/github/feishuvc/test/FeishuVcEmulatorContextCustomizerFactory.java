package io.github.feishuvc.test;

import java.util.HashMap;
import java.util.List;

import io.github.feishuvc.autoconfigure.FeishuVcProperties.EventsMode;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
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
import org.springframework.web.context.WebApplicationContext;

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
			// the test pushes then fails at once, saying why, rather than after a wait or not at all.
			context.addApplicationListener((ContextRefreshedEvent event) -> {
				if (event.getApplicationContext() == context && !emulator.hasEventUrl() && !longConnection(context)) {
					emulator.noEventDestination(NO_WEB_SERVER);
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

		private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.ServletContext",
				EventUrl.class.getClassLoader())
				&& ClassUtils.isPresent("org.springframework.web.context.WebApplicationContext",
						EventUrl.class.getClassLoader());

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
		 * Where the running server serves the application's paths, empty for the root: for Spring MVC the servlet
		 * context's path (however it was set: property or code) and the DispatcherServlet's path, under which the
		 * event endpoint's route lives; for WebFlux the base path, normalised as Spring Boot applies it.
		 */
		static String applicationPath(ApplicationContext context) {
			if (SERVLET_PRESENT) {
				String path = ServletPaths.of(context);
				if (path != null) {
					return path;
				}
			}
			String property = (context instanceof ReactiveWebApplicationContext) ? "spring.webflux.base-path"
					: "server.servlet.context-path";
			return normalised(Binder.get(context.getEnvironment()).bind(property, String.class).orElse(""));
		}

		static String normalised(String given) {
			String path = given.strip();
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			return (path.isEmpty() || path.startsWith("/")) ? path : "/" + path;
		}

		private static String eventsPath(ApplicationContext context) {
			return Binder.get(context.getEnvironment()).bind("feishu.vc.events.path", String.class).orElse("/feishu/events");
		}

	}

	/** Kept apart so that an application without the servlet API never loads it. */
	private static final class ServletPaths {

		private static final boolean DISPATCHER_SERVLET_PATH_PRESENT = ClassUtils.isPresent(
				"org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath",
				ServletPaths.class.getClassLoader());

		/**
		 * The servlet context's path plus the DispatcherServlet's prefix ({@code spring.mvc.servlet.path}), or
		 * {@code null} when the context is not a servlet web application.
		 */
		static @Nullable String of(ApplicationContext context) {
			if (!(context instanceof WebApplicationContext web)) {
				return null;
			}
			ServletContext servletContext = web.getServletContext();
			if (servletContext == null) {
				return null;
			}
			String dispatcherPath = DISPATCHER_SERVLET_PATH_PRESENT ? DispatcherServletPrefix.of(context) : "";
			return EventUrl.normalised(servletContext.getContextPath()) + EventUrl.normalised(dispatcherPath);
		}

	}

	/** Kept apart so that a servlet application without Spring Boot's Spring MVC module never loads it. */
	private static final class DispatcherServletPrefix {

		/** The DispatcherServlet's path as a prefix ({@code spring.mvc.servlet.path}), empty when it has none. */
		static String of(ApplicationContext context) {
			DispatcherServletPath path = context.getBeanProvider(DispatcherServletPath.class).getIfUnique();
			return (path != null) ? path.getPrefix() : "";
		}

	}

}
