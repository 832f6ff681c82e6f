package io.github.feishuvc.sample;

import java.util.HashMap;
import java.util.Map;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Offline mode: when no app id is configured ({@code feishu.vc.app-id}, or the {@code FEISHU_VC_APP_ID}
 * environment variable), start a {@link FeishuVcEmulator} and point the starter at it, with a demo owner for the
 * life-cycle walks, and have it push its events to the sample's own event endpoint. The emulator is a bean, for
 * {@link MeetingWalk} to hold a meeting with, closed with the context. With the {@code store} profile the emulator is
 * a store app installed by two tenants, each with a reservation, and pushes its app ticket too; with the {@code login}
 * profile its sign-in page signs the demo user in. A real application
 * does not need this: it sets its credentials.
 */
class OfflineEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Log logger = LogFactory.getLog(OfflineEmulator.class);

	/** The user the offline walk through a reservation's life cycle makes reservations for. */
	static final String DEMO_OWNER = "ou_sample_owner";

	/** Set while {@code spring-boot:process-aot} runs the application to record its bean definitions. */
	private static final String AOT_PROCESSING = "spring.aot.processing";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("feishu.vc.app-id")) || Boolean.getBoolean(AOT_PROCESSING)) {
			return;
		}
		boolean store = environment.matchesProfiles("store");
		FeishuVcEmulator emulator = store ? storeApp() : FeishuVcEmulator.start();
		Map<String, Object> properties = new HashMap<>(emulator.springProperties());
		properties.put("sample.owner-id", DEMO_OWNER);
		properties.put("feishu.vc.events.enabled", "true");
		// The emulator is the platform now: the real app's Encrypt Key, if the environment has one, would refuse the
		// events it sends unencrypted.
		properties.putIfAbsent("feishu.vc.events.encrypt-key", "");
		if (store) {
			properties.put("sample.tenants", String.join(",", emulator.tenants()));
			properties.put("sample.tenant-reserve-ids", "7000000000000000001,7000000000000000002");
		}
		if (environment.matchesProfiles("login")) {
			// The emulator's sign-in page signs the demo user in at once, who held a meeting before: its AI note is
			// generated a moment after it ended.
			emulator.signInAs(DEMO_OWNER);
			String meetingId = emulator.meetings().startAdHoc(DEMO_OWNER, "Sample weekly sync");
			emulator.meetings().join(meetingId, "ou_sample_alice");
			emulator.meetings().endMeeting(meetingId);
		}
		if (!environment.matchesProfiles("web | login")) {
			properties.put("server.port", "0");
			properties.put("server.address", "127.0.0.1");
		}
		// The platform pushes events to the event URL, known once the server listens.
		context.addApplicationListener((WebServerInitializedEvent event) -> emulator.deliverEventsTo("http://127.0.0.1:"
				+ event.getWebServer().getPort() + environment.getProperty("spring.webflux.base-path", "")
				+ environment.getProperty("feishu.vc.events.path", "/feishu/events")));
		// The meeting walk drives the emulated meeting.
		context.getBeanFactory().registerSingleton("feishuVcEmulator", emulator);
		context.addApplicationListener((ContextClosedEvent event) -> emulator.close());
		environment.getPropertySources().addFirst(new MapPropertySource("feishuVcEmulator", properties));
		logger.info("No Feishu credentials set (FEISHU_VC_APP_ID / FEISHU_VC_APP_SECRET): using the embedded "
				+ "Feishu VC emulator at " + emulator.baseUrl() + (store ? " as a store app installed by tenants "
						+ String.join(" and ", emulator.tenants()) : ""));
	}

	private static FeishuVcEmulator storeApp() {
		FeishuVcEmulator emulator = FeishuVcEmulator.builder()
			.storeApp("tenant_acme", "tenant_globex")
			.encryptKey("sample-encrypt-key")
			.start();
		emulator.addTenantReserve("tenant_acme", """
				{"id": "7000000000000000001", "meeting_no": "301000001", "url": "https://vc.feishu.cn/j/301000001",
				 "end_time": "1893456000", "meeting_settings": {"topic": "Acme weekly sync"}}""");
		emulator.addTenantReserve("tenant_globex", """
				{"id": "7000000000000000002", "meeting_no": "302000002", "url": "https://vc.feishu.cn/j/302000002",
				 "end_time": "1893456000", "meeting_settings": {"topic": "Globex design review"}}""");
		return emulator;
	}

}
