package io.github.feishuvc.sample;

import java.util.HashMap;
import java.util.Map;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Offline mode: when no app id is configured ({@code feishu.vc.app-id}, or the {@code FEISHU_VC_APP_ID}
 * environment variable), start a {@link FeishuVcEmulator} and point the starter at it, with a demo owner for the
 * life-cycle walk. A real application does not need this: it sets its credentials.
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
		FeishuVcEmulator emulator = FeishuVcEmulator.start();
		Map<String, Object> properties = new HashMap<>(emulator.springProperties());
		properties.put("sample.owner-id", DEMO_OWNER);
		environment.getPropertySources().addFirst(new MapPropertySource("feishuVcEmulator", properties));
		context.addApplicationListener((ContextClosedEvent event) -> emulator.close());
		logger.info("No Feishu credentials set (FEISHU_VC_APP_ID / FEISHU_VC_APP_SECRET): using the embedded "
				+ "Feishu VC emulator at " + emulator.baseUrl());
	}

}
