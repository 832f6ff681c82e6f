package io.github.feishuvc.recipes;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.AutoConfigureFeishuVcEmulator;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Recipe "Failures": a fault the emulator injects into the next requests of an endpoint, retried by the starter once,
 * and reaching the application when it lasts.
 */
@SpringBootTest
@AutoConfigureFeishuVcEmulator
class FaultsTests {

	@Autowired
	FeishuVcEmulator emulator;

	@Autowired
	ReserveOperations reserves;

	@Test
	void shouldRetryAReadAfterABadGateway() {
		int before = this.emulator.requestCount("reserve.get");
		this.emulator.failNext("reserve.get", Fault.BAD_GATEWAY_HTML, 1);

		assertThat(this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block().meetingNo()).isEqualTo("112000358");
		assertThat(this.emulator.requestCount("reserve.get") - before).isEqualTo(2);
	}

	@Test
	void shouldFailAReadWhenTheFaultLasts() {
		int before = this.emulator.requestCount("reserve.get");
		this.emulator.failNext("reserve.get", Fault.BAD_GATEWAY_HTML, 3);

		assertThatExceptionOfType(FeishuVcException.class)
			.isThrownBy(() -> this.reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block());
		assertThat(this.emulator.requestCount("reserve.get") - before).isEqualTo(3);
	}

}
