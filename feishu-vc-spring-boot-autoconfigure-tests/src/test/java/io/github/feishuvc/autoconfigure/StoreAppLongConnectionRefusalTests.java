package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.events.longconnection.FeishuLongConnection;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.Mockito.mock;

/**
 * A store app in {@code feishu.vc.events.mode=long-connection} is refused before any bean is made, whatever else the
 * application has, with the failure analysis naming the property (review of issue 35: the properties' split had moved
 * the refusal into the long connection's bean method, where it ran only when that very bean was made).
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreAppLongConnectionRefusalTests {

	private static final String REFUSAL = "feishu.vc.events.mode=long-connection is for self-built apps";

	private final FeishuVcEmulator emulator = FeishuVcEmulator.start();

	private final ApplicationContextRunner runner = TestFeishu.contextRunner(this.emulator)
		.withConfiguration(AutoConfigurations.of(FeishuVcLongConnectionAutoConfiguration.class))
		.withPropertyValues("feishu.vc.app-type=store", "feishu.vc.events.mode=long-connection",
				"feishu.vc.events.verification-token=t");

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldRefuseTheLongConnectionToAStoreAppThatDefinesItsOwnConnection() {
		this.runner.withBean(FeishuLongConnection.class, () -> mock(FeishuLongConnection.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(FeishuVcConfigurationException.class)
				.hasMessageContaining(REFUSAL));
	}

	@Test
	void shouldRefuseTheLongConnectionToAStoreAppBeforeAskingForProtobuf() {
		this.runner.withClassLoader(new FilteredClassLoader("com.google.protobuf"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(FeishuVcConfigurationException.class)
				.hasMessageContaining(REFUSAL));
	}

	@Test
	void shouldExplainTheLongConnectionRefusedToAStoreAppAsAStartUpMistake(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties(TestFeishu.properties(this.emulator))
			.properties("spring.main.banner-mode=off", "feishu.vc.app-type=store",
					"feishu.vc.events.mode=long-connection", "feishu.vc.events.verification-token=t");

		assertThatException().isThrownBy(application::run);

		assertThat(output).contains("APPLICATION FAILED TO START").contains(REFUSAL);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
