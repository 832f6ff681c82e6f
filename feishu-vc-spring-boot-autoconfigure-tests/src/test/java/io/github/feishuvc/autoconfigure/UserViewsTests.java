package io.github.feishuvc.autoconfigure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.feishuvc.agent.MeetingAgentOperations;
import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.RecordingOperations;
import io.github.feishuvc.minutes.MinuteOperations;
import io.github.feishuvc.note.NoteOperations;
import io.github.feishuvc.report.AlertOperations;
import io.github.feishuvc.report.AlertQuery;
import io.github.feishuvc.report.MeetingDataOperations;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.report.ReportOperations;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.room.ReserveConfigOperations;
import io.github.feishuvc.room.RoomConfigOperations;
import io.github.feishuvc.room.RoomLevelOperations;
import io.github.feishuvc.room.RoomOperations;
import io.github.feishuvc.room.RoomSearchRequest;
import io.github.feishuvc.room.ScopeType;
import io.github.feishuvc.support.EventEndpointServer;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code withUserAccessToken(u).forTenant(t)} and {@code forTenant(t).withUserAccessToken(u)} act alike, as user
 * {@code u} in tenant {@code t}, over every family's auto-configured operations: the user's token is what the platform
 * receives; where the user cannot be honoured (an endpoint that takes the app's token only, an app that serves no
 * tenants, a user of another tenant) the call fails before anything is sent, never by acting as the app.
 */
class UserViewsTests {

	private static final Instant TO = Instant.now().truncatedTo(ChronoUnit.DAYS);

	private static final Instant FROM = TO.minus(1, ChronoUnit.DAYS);

	/** A store app's call that takes the app's tenant access token only. */
	private static final String APP_ONLY = "needs the app's tenant access token";

	/** A call the platform serves to self-built apps only. */
	private static final String SELF_BUILT_ONLY = "served to self-built apps only";

	/**
	 * One call of each family's operations, and why a store app's user cannot make it, if they cannot: each family's
	 * call takes a user's token where the family has such an endpoint.
	 */
	private static final List<Family<?>> FAMILIES = List.of(
			new Family<>(ReserveOperations.class, null, (reserves) -> reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)),
			new Family<>(MeetingOperations.class, null, (meetings) -> meetings.get("6911188411932033028")),
			new Family<>(RecordingOperations.class, null, (recordings) -> recordings.get("6911188411932033028")),
			new Family<>(RoomOperations.class, null, (rooms) -> rooms.search(RoomSearchRequest.keyword("board"))),
			new Family<>(RoomLevelOperations.class, APP_ONLY, RoomLevelOperations::root),
			new Family<>(RoomConfigOperations.class, APP_ONLY, (configs) -> configs.get(ScopeType.ROOM_LEVEL, "1")),
			new Family<>(ReserveConfigOperations.class, APP_ONLY,
					(configs) -> configs.reserveScope("omm_1", ScopeType.ROOM)),
			new Family<>(MeetingDataOperations.class, null, (data) -> data.meetings(MeetingListQuery.between(FROM, TO))),
			new Family<>(ReportOperations.class, APP_ONLY, (reports) -> reports.daily(FROM, TO, null)),
			new Family<>(AlertOperations.class, SELF_BUILT_ONLY, (alerts) -> alerts.list(AlertQuery.between(FROM, TO))),
			new Family<>(ExportOperations.class, null, (exports) -> exports.get("7111111111111111111")),
			new Family<>(NoteOperations.class, SELF_BUILT_ONLY, (notes) -> notes.get("note-1")),
			new Family<>(MinuteOperations.class, null, (minutes) -> minutes.get("obcn37dxcftoc3656rgyejm7")),
			new Family<>(MeetingAgentOperations.class, null, (agents) -> agents.events("6911188411932033028")));

	private FeishuVcEmulator store;

	@BeforeEach
	void startEmulator() {
		this.store = FeishuVcEmulator.builder().storeApp("t1", "t2").start();
	}

	@AfterEach
	void stopEmulator() {
		this.store.close();
	}

	@Test
	void shouldActAsTheUserInTheTenantWhicheverOrderTheViewsAreTakenIn() {
		String userToken = this.store.issueUserAccessToken("ou_viewer");
		withStoreApp((context) -> {
			for (Family<?> family : FAMILIES) {
				family.assertUserOnTheWire(context, this.store, userToken,
						(view) -> view.withUserAccessToken(userToken).forTenant("t2"));
				family.assertUserOnTheWire(context, this.store, userToken,
						(view) -> view.forTenant("t2").withUserAccessToken(userToken));
			}
		});
	}

	@Test
	void shouldRefuseAUserOfAnotherTenantRatherThanActAsTheApp() {
		String userToken = this.store.issueUserAccessToken("ou_viewer");
		withStoreApp((context) -> {
			for (Family<?> family : FAMILIES) {
				family.assertRefusedBeforeSending(context, this.store, (view) -> view
					.withUserAccessToken(AccessTokenSource.fixed(userToken, "t1"))
					.forTenant("t2"), "user of tenant t1");
				family.assertRefusedBeforeSending(context, this.store, (view) -> view.forTenant("t2")
					.withUserAccessToken(AccessTokenSource.fixed(userToken, "t1")),
						"user of tenant t1");
			}
		});
	}

	@Test
	void shouldActAsTheLastUserNamedWhenNoTenantWasNamed() {
		String first = this.store.issueUserAccessToken("ou_first");
		String second = this.store.issueUserAccessToken("ou_second");
		withStoreApp((context) -> {
			ReserveOperations secondUser = context.getBean(ReserveOperations.class)
				.withUserAccessToken(AccessTokenSource.fixed(first, "t1"))
				.withUserAccessToken(AccessTokenSource.fixed(second, "t2"));
			this.store.resetRequests();

			secondUser.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
				.onErrorResume(FeishuVcException.class, (ex) -> Mono.empty())
				.block();

			assertThat(Family.vcCalls(this.store)).isNotEmpty()
				.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + second));
		});
	}

	@Test
	void shouldRefuseATenantToASelfBuiltAppWhicheverOrderTheViewsAreTakenIn() {
		try (FeishuVcEmulator selfBuilt = FeishuVcEmulator.start()) {
			String userToken = selfBuilt.issueUserAccessToken("ou_viewer");
			TestFeishu.contextRunner(selfBuilt).run((context) -> {
				for (Family<?> family : FAMILIES) {
					family.assertRefusedBeforeSending(context, selfBuilt,
							(view) -> view.withUserAccessToken(userToken).forTenant("t2"), "store apps");
					family.assertRefusedBeforeSending(context, selfBuilt,
							(view) -> view.forTenant("t2").withUserAccessToken(userToken), "store apps");
				}
			});
		}
	}

	/** A store app without a web server: the test's own endpoint feeds it the tickets. */
	private void withStoreApp(ThrowingConsumer<ApplicationContext> test) {
		TestFeishu.contextRunner(this.store).withPropertyValues("feishu.vc.events.enabled=false").run((context) -> {
			try (EventEndpointServer endpoint = EventEndpointServer.start(this.store,
					context.getBean(AppTicketStore.class))) {
				test.accept(context);
			}
		});
	}

	@FunctionalInterface
	private interface ThrowingConsumer<T> {

		void accept(T value) throws Exception;

	}

	/**
	 * One family's operations and one of its calls.
	 *
	 * @param type the operations' type
	 * @param storeUserRefusal why a store app's user cannot make the call, or {@code null} if they can
	 * @param call the call
	 */
	private record Family<O extends FeishuVcOperations<O>>(Class<O> type, @Nullable String storeUserRefusal,
			Function<O, Publisher<?>> call) {

		/** The view's call reaches the platform with the user's token, or is refused before sending. */
		void assertUserOnTheWire(ApplicationContext context, FeishuVcEmulator emulator, String userToken,
				UnaryOperator<O> view) {
			if (this.storeUserRefusal != null) {
				assertRefusedBeforeSending(context, emulator, view, this.storeUserRefusal);
				return;
			}
			emulator.resetRequests();
			O operations = view.apply(context.getBean(this.type));
			// The platform's answer does not matter (the meeting is unknown, the reservation another's): whom the
			// call acted as does.
			Flux.from(this.call.apply(operations))
				.onErrorResume(FeishuVcException.class, (ex) -> Flux.empty())
				.blockLast();
			List<RecordedRequest> calls = vcCalls(emulator);
			assertThat(calls).as(toString()).isNotEmpty();
			assertThat(calls).as(toString())
				.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + userToken));
		}

		/** The view, or its call, fails at once saying why; nothing reaches the platform. */
		void assertRefusedBeforeSending(ApplicationContext context, FeishuVcEmulator emulator, UnaryOperator<O> view,
				String reason) {
			emulator.resetRequests();
			O operations = context.getBean(this.type);
			assertThatIllegalStateException().as(toString())
				.isThrownBy(() -> Flux.from(this.call.apply(view.apply(operations))).blockLast())
				.withMessageContaining(reason);
			assertThat(vcCalls(emulator)).as(toString()).isEmpty();
		}

		private static List<RecordedRequest> vcCalls(FeishuVcEmulator emulator) {
			return emulator.requests()
				.stream()
				.filter((request) -> !request.uri().startsWith("/open-apis/auth/"))
				.toList();
		}

		@Override
		public String toString() {
			return this.type.getSimpleName();
		}

	}

}
