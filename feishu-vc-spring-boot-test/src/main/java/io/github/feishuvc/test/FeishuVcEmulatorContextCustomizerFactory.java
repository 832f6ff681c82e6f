package io.github.feishuvc.test;

import java.util.HashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
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
					String path = event.getApplicationContext().getEnvironment()
						.getProperty("feishu.vc.events.path", "/feishu/events");
					emulator.deliverEventsTo("http://127.0.0.1:" + event.getWebServer().getPort() + path);
				}
			});
		}

	}

}
