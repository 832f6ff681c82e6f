package io.github.feishuvc.recipes;

import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recipe "An emulator of your own": started by the test with the builder's settings, the application pointed at it
 * by {@code @DynamicPropertySource}, and closed after the class.
 */
@SpringBootTest
class EmulatorByHandTests {

	static final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.appId("cli_a1b2c3d4e5f60718")
		.appSecret("my-secret")
		.start();

	@DynamicPropertySource
	static void feishu(DynamicPropertyRegistry registry) {
		// feishu.vc.base-url, app-id, app-secret, events.verification-token
		emulator.springProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stop() {
		emulator.close();
	}

	@Autowired
	ReserveOperations reserves;

	@Test
	void shouldCallTheEmulatorAsTheAppItNames() {
		assertThat(this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block().meetingNo()).isEqualTo("112000358");
		assertThat(emulator.springProperties()).containsEntry("feishu.vc.app-id", "cli_a1b2c3d4e5f60718");
	}

}
