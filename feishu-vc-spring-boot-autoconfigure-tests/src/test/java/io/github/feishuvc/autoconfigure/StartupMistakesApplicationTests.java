package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The mistakes a newcomer makes, each in an application that starts with it, on every kind of web stack: start-up
 * fails with the property's name and what to do (the failure analysis Spring Boot prints), or says at WARN what is
 * missing, never a silent start that fails later.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMistakesApplicationTests {

	private FeishuVcEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@ParameterizedTest
	@EnumSource(WebApplicationType.class)
	void shouldNameAPlaceholderThatNothingResolves(WebApplicationType type, CapturedOutput output) {
		SpringApplicationBuilder application = application(type).properties(
				"feishu.vc.app-id=${FEISHU_VC_TEST_UNSET_APP_ID}",
				"feishu.vc.events.encrypt-key=key-${FEISHU_VC_TEST_UNSET_KEY}");

		assertThatException().isThrownBy(application::run);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("feishu.vc.app-id refers to ${FEISHU_VC_TEST_UNSET_APP_ID}")
			.contains("feishu.vc.events.encrypt-key refers to ${FEISHU_VC_TEST_UNSET_KEY}")
			.contains("Set the environment variables FEISHU_VC_TEST_UNSET_APP_ID and FEISHU_VC_TEST_UNSET_KEY")
			.contains("${FEISHU_VC_TEST_UNSET_APP_ID:}")
			.doesNotContain("key-");
	}

	@ParameterizedTest
	@EnumSource(WebApplicationType.class)
	void shouldStartWhenAPlaceholderHasADefaultOrAValue(WebApplicationType type) {
		try (ConfigurableApplicationContext context = application(type)
			.properties("feishu.vc.events.encrypt-key=${FEISHU_VC_TEST_UNSET_KEY:}",
					"feishu.vc.app-id=${feishu.test.app-id}", "feishu.test.app-id=" + this.emulator.appId())
			.run()) {
			assertThat(context.getBean(FeishuVcProperties.class).getAppId()).isEqualTo(this.emulator.appId());
		}
	}

	@Test
	void shouldStartWhenANestedDefaultResolvesAndLeaveAnEscapedPlaceholderAlone() {
		try (ConfigurableApplicationContext context = application(WebApplicationType.NONE)
			.properties("feishu.vc.app-id=${feishu.test.primary-id:${FEISHU_VC_TEST_UNSET_LEGACY_ID}}",
					"feishu.test.primary-id=" + this.emulator.appId(),
					"feishu.vc.events.encrypt-key=\\${FEISHU_VC_TEST_NOT_A_PLACEHOLDER}")
			.run()) {
			FeishuVcProperties properties = context.getBean(FeishuVcProperties.class);
			assertThat(properties.getAppId()).isEqualTo(this.emulator.appId());
			assertThat(context.getBean(FeishuVcEventsProperties.class).getEncryptKey())
				.isEqualTo("${FEISHU_VC_TEST_NOT_A_PLACEHOLDER}");
		}
	}

	@Test
	void shouldNameTheLastPlaceholderOfANestedDefaultWhenNothingResolvesIt(CapturedOutput output) {
		SpringApplicationBuilder application = application(WebApplicationType.NONE)
			.properties("feishu.vc.app-id=${FEISHU_VC_TEST_UNSET_PRIMARY_ID:${FEISHU_VC_TEST_UNSET_LEGACY_ID}}");

		assertThatException().isThrownBy(application::run);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("feishu.vc.app-id refers to ${FEISHU_VC_TEST_UNSET_LEGACY_ID}, but nothing defines "
					+ "FEISHU_VC_TEST_UNSET_LEGACY_ID")
			.doesNotContain("refers to ${FEISHU_VC_TEST_UNSET_PRIMARY_ID");
	}

	@Test
	void shouldRefuseAStoreAppThatCannotReceiveItsTicket(CapturedOutput output) {
		SpringApplicationBuilder application = application(WebApplicationType.NONE)
			.properties("feishu.vc.app-type=store");

		assertThatException().isThrownBy(application::run);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("A store app receives its app ticket at its event endpoint (/feishu/events), but this "
					+ "application has no web server")
			.contains("add spring-boot-starter-webmvc or spring-boot-starter-webflux")
			.contains("feishu.vc.shared-state.type=redis")
			.contains("feishu.vc.events.enabled=false");
	}

	@Test
	void shouldStartAStoreAppWithoutWebServerThatFeedsItsOwnTickets() {
		try (ConfigurableApplicationContext context = application(WebApplicationType.NONE)
			.properties("feishu.vc.app-type=store", "feishu.vc.events.enabled=false")
			.run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void shouldSayThatEventsNeedAWebServer(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(WebApplicationType.NONE)
			.properties("feishu.vc.events.enabled=true")
			.run()) {
			assertThat(output).contains("WARN")
				.contains("feishu.vc.events.enabled=true, but this application has no web server: no event endpoint "
						+ "is served and no event will arrive")
				.contains("feishu.vc.events.mode=long-connection");
		}
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void shouldSayNothingWhenAWebServerServesTheEvents(WebApplicationType type, CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(type).properties("feishu.vc.events.enabled=true")
			.run()) {
			assertThat(output).doesNotContain("no web server");
		}
	}

	private SpringApplicationBuilder application(WebApplicationType type) {
		return new SpringApplicationBuilder(Application.class).web(type)
			.properties(TestFeishu.properties(this.emulator))
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
