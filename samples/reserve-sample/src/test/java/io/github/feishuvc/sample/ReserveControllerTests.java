package io.github.feishuvc.sample;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How an application tests its own Feishu-backed endpoints: point {@code feishu.vc.*} at a
 * {@link FeishuVcEmulator}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("web")
class ReserveControllerTests {

	static final FeishuVcEmulator emulator = FeishuVcEmulator.start();

	@DynamicPropertySource
	static void feishu(DynamicPropertyRegistry registry) {
		emulator.springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Autowired
	private WebTestClient client;

	@Test
	void shouldReturnAReserveAsJson() {
		this.client.get()
			.uri("/reserves/{id}", FeishuVcEmulator.REFERENCE_RESERVE_ID)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.meetingNo")
			.isEqualTo("112000358")
			.jsonPath("$.meetingSettings.topic")
			.isEqualTo("my meeting")
			.jsonPath("$.endTime")
			.isEqualTo("2020-12-25T08:02:02Z");
	}

	@Test
	void shouldAnswerNotFoundWithTheFeishuLogId() {
		this.client.get()
			.uri("/reserves/{id}", "does-not-exist")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.feishuLogId")
			.isNotEmpty();
	}

}
