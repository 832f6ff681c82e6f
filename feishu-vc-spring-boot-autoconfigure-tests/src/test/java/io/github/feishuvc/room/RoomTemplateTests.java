package io.github.feishuvc.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.lark.oapi.Client;
import com.lark.oapi.service.vc.v1.model.CreateRoomReq;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.room.event.RoomCreatedEvent;
import io.github.feishuvc.room.event.RoomEventDecoder;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorRooms;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the room templates refuse before anything is sent, the token each endpoint takes, the emulator's tier-2 limit
 * of the room writes, and a room event that does not decode.
 */
class RoomTemplateTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.start();

	private final TestFeishu.Rooms starter = TestFeishu.rooms(this.emulator.baseUrl());

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldRefuseARoomThePlatformWouldRefuseBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.rooms().create(RoomCreateRequest.builder().capacity(0).devices("").build()))
			.withMessageContaining("Invalid RoomCreateRequest")
			.withMessageContaining("name is required")
			.withMessageContaining("roomLevelId is required")
			.withMessageContaining("capacity must be at least 1, was 0")
			.withMessageContaining("devices[0].name is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.rooms().update("omm_1", RoomUpdateRequest.builder().build()))
			.withMessageContaining("nothing to change");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.rooms()
				.update("omm_1", RoomUpdateRequest.builder().roomStatus(new RoomStatus(null, null, null, null, null,
						List.of(), null, null)).build()))
			.withMessageContaining("roomStatus.status is required");
		assertThatIllegalArgumentException().isThrownBy(() -> this.starter.rooms().get(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.starter.rooms().getAll(List.of()))
			.withMessageContaining("roomIds must name at least one");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.levels().create(RoomLevelRequest.of("", "omb_1")))
			.withMessageContaining("name is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.levels().searchByCustomIds(List.of("A,B")))
			.withMessageContaining("customGroupIds[0] must not contain a comma");
		assertThatIllegalArgumentException().isThrownBy(() -> this.starter.levels().delete(" ", true));
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void shouldRefuseABookingWindowThePlatformWouldRefuse() {
		Instant now = Instant.now();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.rooms()
				.reservations(RoomReservationQuery.of("omb_1", now.minus(Duration.ofDays(2)), now, List.of())))
			.withMessageContaining("roomIds must name at least one room")
			.withMessageContaining("to must be at most a day after from");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.rooms()
				.reservations(RoomReservationQuery.of("omb_1", now.plus(Duration.ofHours(1)),
						now.plus(Duration.ofHours(2)), List.of("omm_1"))))
			.withMessageContaining("from must not be in the future");
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void shouldRefuseBookingRulesThePlatformWouldRefuse() {
		List<SubscribeUser> many = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			many.add(SubscribeUser.of("ou_" + i));
		}
		ReserveConfigOperations configs = this.starter.reserveConfigs();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configs.updateReserveScope("omm_1", ScopeType.ROOM,
					new ReserveScope(new ApprovalConfig(true, null, null, List.of()), new TimeConfig(null, null, null,
							null, null, null, null), new ReserveScopeConfig(null, false, many, List.of()))))
			.withMessageContaining("approvalConfig.approvalCondition is required")
			.withMessageContaining("approvalConfig.approvers must name at least one")
			.withMessageContaining("timeConfig.timeSwitch is required")
			.withMessageContaining("at most 500 users and departments in all, was 501");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configs.updateReserveScope("omm_1", ScopeType.ROOM, new ReserveScope(null, null, null)))
			.withMessageContaining("nothing to change");
		assertThatIllegalArgumentException().isThrownBy(() -> configs.form("omm_1", ScopeType.UNKNOWN))
			.withMessageContaining("scopeType must be a value the platform knows");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> configs.updateDisableInform("omm_1", ScopeType.ROOM,
					new DisableInformConfig(null, null, List.of(), List.of())))
			.withMessageContaining("ifInform is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.configs().query(new RoomConfigLocation(5, null, null, "66", null, null)))
			.withMessageContaining("RoomConfigLocation.floorName is required for scope FLOOR");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.starter.configs()
				.roomAccessCode(RoomConfigLocation.tenant(), AccessCodeValidity.UNKNOWN))
			.withMessageContaining("validity must be a value the platform knows");
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void shouldRefuseATokenTheEndpointDoesNotTakeBeforeSending() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.starter.rooms().search(RoomSearchRequest.keyword("Everest")))
			.withMessageContaining("room.search needs a user access token");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.starter.rooms().withUserAccessToken("u-someone").get("omm_1"))
			.withMessageContaining("room.get needs the app's tenant access token");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.starter.levels().withUserAccessToken("u-someone").root())
			.withMessageContaining("room_level.get needs the app's tenant access token");
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void shouldHoldRoomWritesToTwentyAMinuteLikeThePlatform() throws Exception {
		Client sdk = SdkOracle.client(this.emulator);
		List<Integer> codes = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			codes.add(sdk.vc()
				.v1()
				.room()
				.create(CreateRoomReq.newBuilder()
					.room(com.lark.oapi.service.vc.v1.model.Room.newBuilder()
						.name("Room " + i)
						.capacity(2)
						.roomLevelId(EmulatorRooms.REFERENCE_LEVEL_ID)
						.build())
					.build())
				.getCode());
		}

		assertThat(codes.subList(0, 20)).containsOnly(0);
		assertThat(codes.get(20)).isEqualTo(99991400);
		assertThat(this.emulator.rateLimitedRequests()).isOne();
		assertThat(this.starter.rooms().get(EmulatorRooms.REFERENCE_ROOM_IDS.get(0)).block().name())
			.as("reads are not writes").isEqualTo("Everest");
	}

	@Test
	void shouldNotDecodeARoomEventWithoutItsRoom() {
		FeishuEvent event = new FeishuEvent(RoomCreatedEvent.TYPE, "ev_1", "t1", "cli_1",
				"{\"header\": {\"event_id\": \"ev_1\"}, \"event\": {}}");

		assertThatIllegalArgumentException().isThrownBy(() -> new RoomEventDecoder().decode(event))
			.withMessageContaining("a room event without room");
		assertThat(new RoomEventDecoder().decode(new FeishuEvent("vc.meeting.meeting_started_v1", "ev_2", "t1", "cli_1",
				"{}"))).isNull();
	}

	@Test
	void shouldSearchInPagesSentInTheBodyAsThePlatformReadsThem() {
		String root = this.emulator.rooms().rootLevelId();
		for (int i = 0; i < 11; i++) {
			this.starter.rooms()
				.create(RoomCreateRequest.builder().name("Spire " + i).capacity(4).roomLevelId(root).build())
				.block();
		}
		String token = this.emulator.issueUserAccessToken("ou_booker");

		// More than the platform's page when none is asked for (10): the page size must reach it in the body.
		assertThat(this.starter.rooms().withUserAccessToken(token).search(RoomSearchRequest.keyword("Spire"))
			.map(Room::name)
			.collectList()
			.block()).hasSize(11).allMatch((name) -> name.startsWith("Spire "));
	}

}
