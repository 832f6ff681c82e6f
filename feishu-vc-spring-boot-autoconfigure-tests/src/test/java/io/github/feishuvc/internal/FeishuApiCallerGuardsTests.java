package io.github.feishuvc.internal;

import java.time.Clock;
import java.time.Duration;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The caller's guards against a call its declaration does not allow, each failing before anything is sent: a path
 * given too few values, a query parameter the endpoint does not declare, no user id type, a download whose tokens
 * cannot serve it. They guard the templates'
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

	@Test
	void shouldRefuseADownloadWhoseTokensCannotServeItBeforeSendingAnything() {
		TenantAccessTokenProvider unusable = new TenantAccessTokenProvider() {

			@Override
			public Mono<String> getToken() {
				return Mono.error(new AssertionError("asked for a token"));
			}

			@Override
			public void invalidate(String token) {
			}

			@Override
			public void checkUsable() {
				throw new IllegalStateException("name the tenant first");
			}

		};
		FeishuApiCaller caller = FeishuApiCaller.app(this.executor, unusable, UserIdType.OPEN_ID);

		assertThatIllegalStateException().isThrownBy(() -> caller.downloader(ExportApis.DOWNLOAD,
				Params.path().query("file_token", "f"), Duration.ofSeconds(5)))
			.withMessage("name the tenant first");
		assertThat(this.emulator.requestCount("export.download")).isZero();
	}

}
