package io.github.feishuvc.sample.mvc;

import java.util.HashMap;
import java.util.Map;

import io.github.feishuvc.autoconfigure.FeishuVcEventsProperties;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletPath;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Offline mode, as in the reserve sample: when no app id is configured ({@code feishu.vc.app-id}, or the
 * {@code FEISHU_VC_APP_ID} environment variable), start a {@link FeishuVcEmulator}, point the starter at it, switch the
 * event endpoint on and have the emulator push its events there, and let its sign-in page sign a demo user in at once.
 * The emulator is a bean (tests hold meetings with it), closed with the context. Offline, the sample listens on the
 * loopback address only, unless {@code server.address} says otherwise: anyone who reaches it is signed in as the demo
 * user. A real application does not need this: it sets its credentials.
 */
class OfflineEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(OfflineEmulator.class);

	/** The user the emulator signs in, and who owns the reservations the app makes offline. */
	static final String DEMO_USER = "ou_sample_owner";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("feishu.vc.app-id"))) {
			return;
		}
		FeishuVcEmulator emulator = FeishuVcEmulator.start();
		emulator.signInAs(DEMO_USER);
		Map<String, Object> properties = new HashMap<>(emulator.springProperties());
		properties.put("feishu.vc.events.enabled", "true");
		// The emulator is the platform now, and sends its events unencrypted: the real app's Encrypt Key, if the
		// environment has one, would refuse them.
		properties.putIfAbsent("feishu.vc.events.encrypt-key", "");
		if (!environment.containsProperty("server.address")) {
			properties.put("server.address", "127.0.0.1");
		}
		// The platform pushes events to the request URL set in the developer console, known once the server listens.
		context.addApplicationListener((ServletWebServerInitializedEvent event) -> {
			if (event.getApplicationContext() == context) {
				emulator.deliverEventsTo(eventUrl(event));
			}
		});
		context.getBeanFactory().registerSingleton("feishuVcEmulator", emulator);
		context.addApplicationListener((ContextClosedEvent event) -> emulator.close());
		environment.getPropertySources().addFirst(new MapPropertySource("feishuVcEmulator", properties));
		logger.info("No Feishu credentials set (FEISHU_VC_APP_ID / FEISHU_VC_APP_SECRET): using the embedded "
				+ "Feishu VC emulator at " + emulator.baseUrl());
	}

	/**
	 * The event endpoint's URL: the port the server listens on, the context path and the dispatcher servlet's path as
	 * the running server applies them (normalised, however they were set), then the event path.
	 */
	private static String eventUrl(ServletWebServerInitializedEvent event) {
		ServletWebServerApplicationContext context = event.getApplicationContext();
		DispatcherServletPath dispatcherServlet = context.getBeanProvider(DispatcherServletPath.class).getIfAvailable();
		return "http://127.0.0.1:" + event.getWebServer().getPort() + context.getServletContext().getContextPath()
				+ ((dispatcherServlet != null) ? dispatcherServlet.getPrefix() : "")
				+ context.getBean(FeishuVcEventsProperties.class).getPath();
	}

}
