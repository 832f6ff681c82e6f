package io.github.feishuvc.recipes;

import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.AutoConfigureFeishuVcEmulator;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Recipe "A store app": two tenants installed the app, the app ticket arrives at the application's own endpoint, and
 * each tenant sees its own reservations only.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFeishuVcEmulator(storeApp = { "t1", "t2" }, encryptKey = "test-key")
class StoreAppTests {

	@Autowired
	FeishuVcEmulator emulator;

	@Autowired
	ReserveOperations reserves;

	@Test
	void shouldActForEachTenant() {
		this.emulator.addTenantReserve("t1", """
				{"id": "42", "meeting_settings": {"topic": "t1 standup"}}""");

		assertThat(this.reserves.forTenant("t1").get("42").block().meetingSettings().topic()).isEqualTo("t1 standup");
		assertThatExceptionOfType(FeishuVcNotFoundException.class)
			.isThrownBy(() -> this.reserves.forTenant("t2").get("42").block());
	}

}
