package io.github.feishuvc.recipes;

import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.AutoConfigureFeishuVcEmulator;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recipe "The application against the emulator": a reservation the test puts in the emulator, read through the
 * application's operations, and the token traffic it took.
 */
@SpringBootTest
@AutoConfigureFeishuVcEmulator
class ReservationsTests {

	@Autowired
	FeishuVcEmulator emulator;

	@Autowired
	ReserveOperations reserves;

	@Test
	void shouldReadAReservationTheEmulatorHolds() {
		this.emulator.addReserve("""
				{"id": "42", "meeting_no": "123456789", "meeting_settings": {"topic": "Standup"}}""");

		assertThat(this.reserves.get("42").block().meetingSettings().topic()).isEqualTo("Standup");
		assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);
	}

}
