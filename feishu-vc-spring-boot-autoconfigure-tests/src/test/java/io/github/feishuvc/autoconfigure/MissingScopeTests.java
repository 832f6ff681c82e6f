package io.github.feishuvc.autoconfigure;

import java.util.List;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcMissingScopeException;
import io.github.feishuvc.core.FeishuVcMissingScopeException.Grantee;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.room.RoomOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorRooms;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scope the app or a user lacks, as the platform answers it (the emulator withholding it): a typed exception that
 * names the operation, the scopes of which one would do and the step in the console, whoever lacks it.
 */
class MissingScopeTests {

	private FeishuVcEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.contextRunner = TestFeishu.contextRunner(this.emulator);
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldNameTheScopesTheAppLacks() {
		this.emulator.scopes().withholdFromApp("vc:room", "vc:room:readonly");
		this.contextRunner.run((context) -> StepVerifier
			.create(context.getBean(RoomOperations.class).get(EmulatorRooms.REFERENCE_ROOM_IDS.get(0)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(FeishuVcMissingScopeException.class,
					(missing) -> {
						assertThat(missing.code()).isEqualTo(99991672);
						assertThat(missing.grantee()).isEqualTo(Grantee.APP);
						assertThat(missing.scopes()).containsExactly("vc:room", "vc:room:readonly");
						assertThat(missing.logId()).isNotBlank();
						assertThat(missing.msg()).startsWith("Access denied. One of the following scopes is required");
						assertThat(missing).hasMessageStartingWith(
								"room.get needs one of the scopes vc:room, vc:room:readonly, which the app has not "
										+ "been granted (code 99991672)")
							.hasMessageContaining("Permissions & Scopes")
							.hasMessageContaining("release a new version of the app");
					}))
			.verify());
		assertThat(this.emulator.requestCount("room.get")).as("refused, not retried").isOne();
	}

	@Test
	void shouldNameTheScopesAUserDidNotGrant() {
		this.emulator.scopes().withholdFromUser("ou_alice", "vc:reserve:readonly");
		this.contextRunner.run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			StepVerifier
				.create(reserves.withUserAccessToken(this.emulator.issueUserAccessToken("ou_alice"))
					.get(FeishuVcEmulator.REFERENCE_RESERVE_ID))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(
						FeishuVcMissingScopeException.class, (missing) -> {
							assertThat(missing.code()).isEqualTo(99991679);
							assertThat(missing.grantee()).isEqualTo(Grantee.USER);
							assertThat(missing.scopes()).containsExactly("vc:reserve:readonly");
							assertThat(missing).hasMessageStartingWith("reserve.get needs the scope "
									+ "vc:reserve:readonly, which the user has not granted (code 99991679)")
								.hasMessageContaining("spring.security.oauth2.client.registration.feishu.scope")
								.hasMessageContaining("sign in again");
						}))
				.verify();
			StepVerifier
				.create(reserves.withUserAccessToken(this.emulator.issueUserAccessToken("ou_bob"))
					.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
					.cast(Object.class)
					.onErrorResume(Mono::just))
				.assertNext((outcome) -> assertThat(outcome).as("another user, who granted it")
					.isNotInstanceOf(FeishuVcMissingScopeException.class))
				.verifyComplete();
		});
	}

	@Test
	void shouldTakeTheScopesThePlatformNames() {
		CallInfo info = new CallInfo("contact.get", 1, 400, "log-1", null);
		FeishuVcApiException ex = FeishuVcApiException.of(info, 99991672,
				"Access denied. One of the following scopes is required: [contact:contact.base:readonly, "
						+ "contact:contact:readonly].应用尚未开通所需的应用身份权限：[contact:contact.base:readonly, "
						+ "contact:contact:readonly]，点击链接申请并开通任一权限即可：https://open.feishu.cn/app/cli_a/auth");

		assertThat(ex).isInstanceOfSatisfying(FeishuVcMissingScopeException.class, (missing) -> assertThat(
				missing.scopes()).containsExactly("contact:contact.base:readonly", "contact:contact:readonly"))
			.isInstanceOf(FeishuVcPermissionDeniedException.class)
			.hasMessageContaining("contact.get needs one of the scopes contact:contact.base:readonly, "
					+ "contact:contact:readonly")
			.hasMessageContaining("logId=log-1");
		assertThat(((FeishuVcMissingScopeException) FeishuVcApiException.of(info, 99991679, "Unauthorized"))
			.scopes()).as("none named, none declared").isEqualTo(List.of());
	}

}
