package io.github.feishuvc.internal;

import java.time.Clock;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The caller's guards against a call its declaration does not allow, each failing before anything is sent: a path
 * given too few values, a query parameter the endpoint does not declare, no user id type. They guard the templates'
 * own code, which no user input reaches, and are thrown at once, as every check of a call is; found unasked by the mutation run (docs/mutation-survivors.md).
 */
class FeishuApiCallerGuardsTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.start();

	private final FeishuVcExecutor executor = TestFeishu.executor(this.emulator.baseUrl());

	private final FeishuApiCaller caller = FeishuApiCaller.app(this.executor,
			TestFeishu.tokenProvider(this.executor, Clock.systemUTC()), UserIdType.OPEN_ID);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldRefuseACallWhosePathLacksAValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.caller.call(ReserveApis.GET, Params.path()))
			.withMessage("reserve.get takes [reserve_id], was given 0 value(s)");
		assertThat(this.emulator.requestCount("reserve.get")).isZero();
	}

	@Test
	void shouldRefuseAQueryParameterTheEndpointDoesNotDeclare() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.caller.call(ReserveApis.GET, Params.path("6911188411934433028").query("nope", "x")))
			.withMessage("reserve.get declares no query parameter nope");
		assertThat(this.emulator.requestCount("reserve.get")).isZero();
	}

	@Test
	void shouldRefuseCallsWithoutAUserIdType() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.caller.withUserIdType(null))
			.withMessage("userIdType must not be null");
	}

}
