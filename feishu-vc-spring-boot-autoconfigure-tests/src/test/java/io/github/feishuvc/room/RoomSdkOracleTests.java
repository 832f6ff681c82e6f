package io.github.feishuvc.room;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.core.response.EventResp;
import com.lark.oapi.event.EventDispatcher;
import com.lark.oapi.service.vc.VcService;
import com.lark.oapi.service.vc.v1.V1;
import com.lark.oapi.service.vc.v1.model.CreateRoomLevelReq;
import com.lark.oapi.service.vc.v1.model.CreateRoomReq;
import com.lark.oapi.service.vc.v1.model.CreateScopeConfigReq;
import com.lark.oapi.service.vc.v1.model.DelRoomLevelReq;
import com.lark.oapi.service.vc.v1.model.DelRoomLevelReqBody;
import com.lark.oapi.service.vc.v1.model.Device;
import com.lark.oapi.service.vc.v1.model.DisableInformConfig;
import com.lark.oapi.service.vc.v1.model.GetReserveConfigAdminReq;
import com.lark.oapi.service.vc.v1.model.GetReserveConfigDisableInformReq;
import com.lark.oapi.service.vc.v1.model.GetReserveConfigFormReq;
import com.lark.oapi.service.vc.v1.model.GetResourceReservationListReq;
import com.lark.oapi.service.vc.v1.model.GetRoomLevelReq;
import com.lark.oapi.service.vc.v1.model.GetRoomReq;
import com.lark.oapi.service.vc.v1.model.GetScopeConfigReq;
import com.lark.oapi.service.vc.v1.model.ListRoomLevelReq;
import com.lark.oapi.service.vc.v1.model.ListRoomReq;
import com.lark.oapi.service.vc.v1.model.MgetRoomLevelReq;
import com.lark.oapi.service.vc.v1.model.MgetRoomLevelReqBody;
import com.lark.oapi.service.vc.v1.model.MgetRoomReq;
import com.lark.oapi.service.vc.v1.model.MgetRoomReqBody;
import com.lark.oapi.service.vc.v1.model.P2ReserveConfigUpdatedV1;
import com.lark.oapi.service.vc.v1.model.P2RoomCreatedV1;
import com.lark.oapi.service.vc.v1.model.P2RoomDeletedV1;
import com.lark.oapi.service.vc.v1.model.P2RoomLevelCreatedV1;
import com.lark.oapi.service.vc.v1.model.P2RoomLevelDeletedV1;
import com.lark.oapi.service.vc.v1.model.P2RoomLevelUpdatedV1;
import com.lark.oapi.service.vc.v1.model.P2RoomUpdatedV1;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigAdminReq;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigAdminReqBody;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigDisableInformReq;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigDisableInformReqBody;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigFormReq;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigFormReqBody;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigReq;
import com.lark.oapi.service.vc.v1.model.PatchReserveConfigReqBody;
import com.lark.oapi.service.vc.v1.model.PatchRoomLevelReq;
import com.lark.oapi.service.vc.v1.model.PatchRoomReq;
import com.lark.oapi.service.vc.v1.model.QueryRoomConfigReq;
import com.lark.oapi.service.vc.v1.model.ReserveScopeReserveConfigReq;
import com.lark.oapi.service.vc.v1.model.SearchRoomLevelReq;
import com.lark.oapi.service.vc.v1.model.SearchRoomReq;
import com.lark.oapi.service.vc.v1.model.SearchRoomReqBody;
import com.lark.oapi.service.vc.v1.model.SetCheckboardAccessCodeRoomConfigReq;
import com.lark.oapi.service.vc.v1.model.SetCheckboardAccessCodeRoomConfigReqBody;
import com.lark.oapi.service.vc.v1.model.SetRoomAccessCodeRoomConfigReq;
import com.lark.oapi.service.vc.v1.model.SetRoomAccessCodeRoomConfigReqBody;
import com.lark.oapi.service.vc.v1.model.SetRoomConfigReq;
import com.lark.oapi.service.vc.v1.model.SetRoomConfigReqBody;
import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.room.event.ReserveConfigUpdatedEvent;
import io.github.feishuvc.room.event.RoomCreatedEvent;
import io.github.feishuvc.room.event.RoomDeletedEvent;
import io.github.feishuvc.room.event.RoomEventDecoder;
import io.github.feishuvc.room.event.RoomLevelCreatedEvent;
import io.github.feishuvc.room.event.RoomLevelDeletedEvent;
import io.github.feishuvc.room.event.RoomLevelUpdatedEvent;
import io.github.feishuvc.room.event.RoomUpdatedEvent;
import io.github.feishuvc.support.EventCapture;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorRooms;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static io.github.feishuvc.support.SdkOracle.assertSame;
import static io.github.feishuvc.support.SdkOracle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDK as an independent oracle of the room endpoints: it drives the emulator through every room, level,
 * configuration and booking endpoint, and the starter reads what the SDK wrote, and the SDK what the starter wrote,
 * field by field.
 */
class RoomSdkOracleTests {

	private static final String OPEN_ID = "open_id";

	private static final String ENCRYPT_KEY = "room-oracle-key";

	private FeishuVcEmulator emulator;

	private V1 sdk;

	private TestFeishu.Rooms starter;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.builder().encryptKey(ENCRYPT_KEY).start();
		this.sdk = SdkOracle.client(this.emulator)
			.vc()
			.v1();
		this.starter = TestFeishu.rooms(this.emulator.baseUrl());
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldReadTheRoomsTheSdkWritesAndTheReverse() throws Exception {
		String levelId = ok(this.sdk.roomLevel()
			.create(CreateRoomLevelReq.newBuilder()
				.roomLevel(com.lark.oapi.service.vc.v1.model.RoomLevel.newBuilder()
					.name("Tower B")
					.parentId(this.emulator.rooms().rootLevelId())
					.customGroupId("TB")
					.build())
				.build())).getRoomLevel().getRoomLevelId();
		var created = ok(this.sdk.room()
			.create(CreateRoomReq.newBuilder()
				.userIdType(OPEN_ID)
				.room(com.lark.oapi.service.vc.v1.model.Room.newBuilder()
					.name("Matterhorn")
					.capacity(8)
					.description("North side")
					.customRoomId("MH-1")
					.roomLevelId(levelId)
					.roomStatus(com.lark.oapi.service.vc.v1.model.RoomStatus.newBuilder()
						.status(false)
						.disableStartTime("1652356050")
						.disableEndTime("0")
						.disableReason("Works")
						.contactIds(new String[] { "ou_facilities" })
						.disableNotice(true)
						.build())
					.device(new Device[] { Device.newBuilder().name("Screen").build() })
					.build())
				.build())).getRoom();

		Room ours = this.starter.rooms().get(created.getRoomId()).block();
		assertSame(FeishuVcJson.mapper(), ours, created);
		assertThat(ours.roomStatus().disabledForever()).isTrue();
		assertThat(ours.devices()).extracting(RoomDevice::name).containsExactly("Screen");
		assertThat(ours.path()).endsWith(levelId);
		assertSame(FeishuVcJson.mapper(), this.starter.rooms().list(levelId).collectList().block(),
				ok(this.sdk.room().list(ListRoomReq.newBuilder().roomLevelId(levelId).pageSize(100).build()))
					.getRooms());
		assertSame(FeishuVcJson.mapper(), this.starter.rooms().getAll(List.of(created.getRoomId())).block(),
				ok(this.sdk.room()
					.mget(MgetRoomReq.newBuilder()
						.mgetRoomReqBody(MgetRoomReqBody.newBuilder().roomIds(new String[] { created.getRoomId() }).build())
						.build())).getItems());

		this.starter.rooms()
			.update(created.getRoomId(), RoomUpdateRequest.builder().capacity(10).roomStatus(RoomStatus.enabled()).build())
			.block();
		var theirs = ok(this.sdk.room().get(GetRoomReq.newBuilder().roomId(created.getRoomId()).build())).getRoom();
		assertThat(theirs.getCapacity()).isEqualTo(10);
		assertThat(theirs.getRoomStatus().getStatus()).isTrue();
		assertThat(theirs.getName()).isEqualTo("Matterhorn");

		ok(this.sdk.room()
			.patch(PatchRoomReq.newBuilder()
				.roomId(created.getRoomId())
				.room(com.lark.oapi.service.vc.v1.model.Room.newBuilder().name("Matterhorn II").build())
				.build()));
		assertThat(this.starter.rooms().get(created.getRoomId()).block().name()).isEqualTo("Matterhorn II");

		this.starter.rooms().delete(created.getRoomId()).block();
		assertThat(this.sdk.room().get(GetRoomReq.newBuilder().roomId(created.getRoomId()).build()).getCode())
			.isEqualTo(121004);
	}

	@Test
	void shouldWalkTheLevelTreeLikeTheSdk() throws Exception {
		RoomLevel root = this.starter.levels().root().block();
		assertSame(FeishuVcJson.mapper(), root,
				ok(this.sdk.roomLevel().get(GetRoomLevelReq.newBuilder().roomLevelId("0").build())).getRoomLevel());
		RoomLevel tower = this.starter.levels()
			.create(RoomLevelRequest.of("Tower C", root.roomLevelId()).withCustomGroupId("TC"))
			.block();
		RoomLevel floor = this.starter.levels().create(RoomLevelRequest.of("Floor 1", tower.roomLevelId())).block();
		this.starter.rooms()
			.create(RoomCreateRequest.builder().name("Annapurna").capacity(4).roomLevelId(floor.roomLevelId()).build())
			.block();

		assertSame(FeishuVcJson.mapper(), this.starter.levels().list(root.roomLevelId()).collectList().block(),
				ok(this.sdk.roomLevel().list(ListRoomLevelReq.newBuilder().roomLevelId(root.roomLevelId()).build()))
					.getItems());
		assertSame(FeishuVcJson.mapper(), this.starter.levels().getAll(List.of(tower.roomLevelId())).block(),
				ok(this.sdk.roomLevel()
					.mget(MgetRoomLevelReq.newBuilder()
						.mgetRoomLevelReqBody(MgetRoomLevelReqBody.newBuilder()
							.levelIds(new String[] { tower.roomLevelId() })
							.build())
						.build())).getItems());
		assertThat(this.starter.levels().searchByCustomIds(List.of("TC", "HQ")).block())
			.containsExactlyInAnyOrder(ok(this.sdk.roomLevel()
				.search(SearchRoomLevelReq.newBuilder().customLevelIds("TC,HQ").build())).getLevelIds())
			.containsExactlyInAnyOrder(tower.roomLevelId(), EmulatorRooms.REFERENCE_LEVEL_ID);
		assertThat(tower.hasChild()).isFalse();
		assertThat(this.starter.levels().get(tower.roomLevelId()).block().hasChild()).isTrue();

		ok(this.sdk.roomLevel()
			.patch(PatchRoomLevelReq.newBuilder()
				.roomLevelId(floor.roomLevelId())
				.roomLevel(com.lark.oapi.service.vc.v1.model.RoomLevel.newBuilder()
					.name("Floor 2")
					.parentId(tower.roomLevelId())
					.build())
				.build()));
		assertThat(this.starter.levels().get(floor.roomLevelId()).block().name()).isEqualTo("Floor 2");

		assertThat(this.sdk.roomLevel()
			.del(DelRoomLevelReq.newBuilder()
				.delRoomLevelReqBody(DelRoomLevelReqBody.newBuilder().roomLevelId(tower.roomLevelId()).deleteChild(false)
					.build())
				.build())
			.getCode()).isEqualTo(125001);
		StepVerifier.create(this.starter.levels().delete(tower.roomLevelId(), false))
			.expectError(FeishuVcInvalidParameterException.class)
			.verify();
		this.starter.levels().delete(tower.roomLevelId(), true).block();
		assertThat(this.sdk.roomLevel().get(GetRoomLevelReq.newBuilder().roomLevelId(floor.roomLevelId()).build())
			.getCode()).isEqualTo(121004);
		StepVerifier.create(this.starter.levels().get(tower.roomLevelId()))
			.expectError(FeishuVcNotFoundException.class)
			.verify();
		assertThat(this.emulator.rooms().roomIds()).containsExactlyElementsOf(EmulatorRooms.REFERENCE_ROOM_IDS);
	}

	@Test
	void shouldSearchTheRoomsAUserMayBookLikeTheSdk() throws Exception {
		String token = this.emulator.issueUserAccessToken("ou_booker");
		List<Room> ours = this.starter.rooms()
			.withUserAccessToken(token)
			.search(RoomSearchRequest.keyword("Head").matchingLevelNames())
			.collectList()
			.block();
		var theirs = ok(this.sdk.room()
			.search(SearchRoomReq.newBuilder()
				.userIdType(OPEN_ID)
				.searchRoomReqBody(SearchRoomReqBody.newBuilder().keyword("Head").searchLevelName(true).build())
				.build(), RequestOptions.newBuilder().userAccessToken(token).build())).getRooms();

		assertThat(ours).extracting(Room::roomId).containsExactlyElementsOf(EmulatorRooms.REFERENCE_ROOM_IDS);
		assertSame(FeishuVcJson.mapper(), ours, theirs);
		assertThat(this.starter.rooms()
			.withUserAccessToken(token)
			.search(RoomSearchRequest.customRoomIds(List.of("KI-1")))
			.map(Room::name)
			.collectList()
			.block()).containsExactly("Kilimanjaro");
	}

	@Test
	void shouldConfigureScopesLikeTheSdk() throws Exception {
		String room = EmulatorRooms.REFERENCE_ROOM_IDS.get(0);
		ok(this.sdk.scopeConfig()
			.create(CreateScopeConfigReq.newBuilder()
				.userIdType(OPEN_ID)
				.scopeConfig(com.lark.oapi.service.vc.v1.model.ScopeConfig.newBuilder()
					.scopeType(1)
					.scopeId(EmulatorRooms.REFERENCE_LEVEL_ID)
					.scopeConfig(com.lark.oapi.service.vc.v1.model.RoomConfig.newBuilder()
						.roomBackground("https://example.com/level.png")
						.displayBackground("https://example.com/board.png")
						.build())
					.build())
				.build()));
		this.starter.configs()
			.set(ScopeConfig.of(ScopeType.ROOM, room, new RoomConfig("https://example.com/room.png", null,
					new RoomDigitalSignage(true, true, false, 3, 5, List.of(RoomDigitalSignageMaterial.of("Welcome",
							MaterialType.VIDEO, "https://example.com/welcome.mp4", 15))),
					null, null)))
			.block();

		ScopeConfigs ours = this.starter.configs().get(ScopeType.ROOM, room).block();
		assertSame(FeishuVcJson.mapper(), ours, ok(this.sdk.scopeConfig()
			.get(GetScopeConfigReq.newBuilder().scopeType(2).scopeId(room).userIdType(OPEN_ID).build())));
		RoomConfig current = ours.currentConfig().config();
		assertThat(current.roomBackground()).isEqualTo("https://example.com/room.png");
		assertThat(current.displayBackground()).isEqualTo("https://example.com/board.png");
		assertThat(current.digitalSignage().materials()).singleElement()
			.extracting(RoomDigitalSignageMaterial::materialType)
			.isEqualTo(MaterialType.VIDEO);
		assertThat(ours.originConfigs()).extracting(ScopeConfig::scopeId)
			.startsWith(room, EmulatorRooms.REFERENCE_LEVEL_ID);
	}

	@Test
	void shouldConfigureBookingsLikeTheSdk() throws Exception {
		String room = EmulatorRooms.REFERENCE_ROOM_IDS.get(1);
		this.starter.reserveConfigs()
			.updateReserveScope(room, ScopeType.ROOM, new ReserveScope(
					new ApprovalConfig(true, ApprovalCondition.LONGER_THAN_DURATION.code(), 3.0,
							List.of(SubscribeUser.of("ou_approver"))),
					new TimeConfig(true, true, 30, Duration.ofSeconds(27900), Duration.ZERO, Duration.ofHours(24), 24),
					new ReserveScopeConfig(true, false, List.of(SubscribeUser.of("ou_booker")),
							List.of(SubscribeDepartment.of("od-sales")))))
			.block();
		var theirs = ok(this.sdk.reserveConfig()
			.reserveScope(ReserveScopeReserveConfigReq.newBuilder().scopeId(room).scopeType("2").userIdType(OPEN_ID)
				.build()));
		assertSame(FeishuVcJson.mapper(), this.starter.reserveConfigs().reserveScope(room, ScopeType.ROOM).block(),
				theirs);
		assertThat(theirs.getApproveConfig().getApprovalSwitch()).isEqualTo(1);
		assertThat(theirs.getTimeConfig().getOpeningHour()).isEqualTo("27900");

		ok(this.sdk.reserveConfig()
			.patch(PatchReserveConfigReq.newBuilder()
				.reserveConfigId(room)
				.userIdType(OPEN_ID)
				.patchReserveConfigReqBody(PatchReserveConfigReqBody.newBuilder()
					.scopeType("2")
					.approvalConfig(com.lark.oapi.service.vc.v1.model.ApprovalConfig.newBuilder().approvalSwitch(0).build())
					.build())
				.build()));
		assertThat(this.starter.reserveConfigs().reserveScope(room, ScopeType.ROOM).block().approvalConfig()
			.approvalSwitch()).isFalse();

		ok(this.sdk.reserveConfigForm()
			.patch(PatchReserveConfigFormReq.newBuilder()
				.reserveConfigId(room)
				.userIdType(OPEN_ID)
				.patchReserveConfigFormReqBody(PatchReserveConfigFormReqBody.newBuilder()
					.scopeType(2)
					.reserveFormConfig(com.lark.oapi.service.vc.v1.model.ReserveFormConfig.newBuilder()
						.reserveForm(true)
						.notifiedTime(2)
						.timeUnit(2)
						.notifiedUsers(new com.lark.oapi.service.vc.v1.model.SubscribeUser[] {
								com.lark.oapi.service.vc.v1.model.SubscribeUser.newBuilder().userId("ou_front_desk").build() })
						.build())
					.build())
				.build()));
		ReserveFormConfig form = this.starter.reserveConfigs().form(room, ScopeType.ROOM).block();
		assertThat(form.timeUnit()).isEqualTo(NoticeTimeUnit.HOUR);
		assertSame(FeishuVcJson.mapper(), form, ok(this.sdk.reserveConfigForm()
			.get(GetReserveConfigFormReq.newBuilder().reserveConfigId(room).scopeType(2).userIdType(OPEN_ID).build()))
			.getReserveFormConfig());

		this.starter.reserveConfigs()
			.updateAdmins(room, ScopeType.ROOM, new ReserveAdminConfig(List.of(SubscribeDepartment.of("od-admins")),
					List.of(SubscribeUser.of("ou_admin"))))
			.block();
		assertSame(FeishuVcJson.mapper(), this.starter.reserveConfigs().admins(room, ScopeType.ROOM).block(),
				ok(this.sdk.reserveConfigAdmin()
					.get(GetReserveConfigAdminReq.newBuilder().reserveConfigId(room).scopeType(2).userIdType(OPEN_ID)
						.build())).getReserveAdminConfig());
		ok(this.sdk.reserveConfigAdmin()
			.patch(PatchReserveConfigAdminReq.newBuilder()
				.reserveConfigId(room)
				.userIdType(OPEN_ID)
				.patchReserveConfigAdminReqBody(PatchReserveConfigAdminReqBody.newBuilder()
					.scopeType(2)
					.reserveAdminConfig(com.lark.oapi.service.vc.v1.model.ReserveAdminConfig.newBuilder()
						.users(new com.lark.oapi.service.vc.v1.model.SubscribeUser[] {
								com.lark.oapi.service.vc.v1.model.SubscribeUser.newBuilder().userId("ou_other").build() })
						.build())
					.build())
				.build()));
		assertThat(this.starter.reserveConfigs().admins(room, ScopeType.ROOM).block().users())
			.extracting(SubscribeUser::userId)
			.containsExactly("ou_other");

		ok(this.sdk.reserveConfigDisableInform()
			.patch(PatchReserveConfigDisableInformReq.newBuilder()
				.reserveConfigId(room)
				.userIdType(OPEN_ID)
				.patchReserveConfigDisableInformReqBody(PatchReserveConfigDisableInformReqBody.newBuilder()
					.scopeType(2)
					.disableInform(DisableInformConfig.newBuilder().ifInform(true).build())
					.build())
				.build()));
		assertSame(FeishuVcJson.mapper(), this.starter.reserveConfigs().disableInform(room, ScopeType.ROOM).block(),
				ok(this.sdk.reserveConfigDisableInform()
					.get(GetReserveConfigDisableInformReq.newBuilder().reserveConfigId(room).scopeType(2)
						.userIdType(OPEN_ID).build())).getDisableInform());
	}

	@Test
	void shouldConfigureTheLegacyHierarchyLikeTheSdk() throws Exception {
		ok(this.sdk.roomConfig()
			.set(SetRoomConfigReq.newBuilder()
				.userIdType(OPEN_ID)
				.setRoomConfigReqBody(SetRoomConfigReqBody.newBuilder()
					.scope(5)
					.buildingId("66")
					.floorName("3")
					.roomConfig(com.lark.oapi.service.vc.v1.model.RoomConfig.newBuilder()
						.roomBackground("https://example.com/floor.png")
						.build())
					.build())
				.build()));
		RoomConfig ours = this.starter.configs().query(RoomConfigLocation.floor("66", "3")).block();
		assertThat(ours.roomBackground()).isEqualTo("https://example.com/floor.png");
		assertSame(FeishuVcJson.mapper(), ours, ok(this.sdk.roomConfig()
			.query(QueryRoomConfigReq.newBuilder().scope(5).buildingId("66").floorName("3").userIdType(OPEN_ID).build())));

		this.starter.configs().set(RoomConfigLocation.room("6383786266263"), new RoomConfig(null, null, null, null,
				RoomStatus.enabled())).block();
		assertThat(ok(this.sdk.roomConfig()
			.query(QueryRoomConfigReq.newBuilder().scope(6).roomId("6383786266263").build())).getRoomStatus()
			.getStatus()).isTrue();

		assertThat(this.starter.configs().checkboardAccessCode(RoomConfigLocation.tenant(), AccessCodeValidity.WEEK)
			.block()).matches("[A-Z]{9}");
		assertThat(this.starter.configs().roomAccessCode(RoomConfigLocation.building("66"), AccessCodeValidity.DAY)
			.block()).matches("[A-Z]{9}");
		assertThat(ok(this.sdk.roomConfig()
			.setCheckboardAccessCode(SetCheckboardAccessCodeRoomConfigReq.newBuilder()
				.setCheckboardAccessCodeRoomConfigReqBody(SetCheckboardAccessCodeRoomConfigReqBody.newBuilder()
					.scope(1)
					.validDay(30)
					.build())
				.build())).getAccessCode()).matches("[A-Z]{9}");
		assertThat(this.sdk.roomConfig()
			.setRoomAccessCode(SetRoomAccessCodeRoomConfigReq.newBuilder()
				.setRoomAccessCodeRoomConfigReqBody(SetRoomAccessCodeRoomConfigReqBody.newBuilder()
					.scope(1)
					.validDay(2)
					.build())
				.build())
			.getCode()).isEqualTo(121003);
	}

	@Test
	void shouldReadTheBookingsLikeTheSdk() throws Exception {
		String everest = EmulatorRooms.REFERENCE_ROOM_IDS.get(0);
		String kilimanjaro = EmulatorRooms.REFERENCE_ROOM_IDS.get(1);
		Instant from = Instant.now().minus(Duration.ofHours(6));
		this.emulator.rooms().book(everest, from.plus(Duration.ofHours(1)), from.plus(Duration.ofHours(2)), "Planning",
				"ou_alice");
		this.emulator.rooms().book(kilimanjaro, from.plus(Duration.ofHours(3)), from.plus(Duration.ofHours(4)),
				"Review", "ou_bob");

		List<RoomReservation> ours = this.starter.rooms()
			.reservations(RoomReservationQuery
				.of(EmulatorRooms.REFERENCE_LEVEL_ID, from, from.plus(Duration.ofHours(6)), List.of(everest))
				.withTopics())
			.collectList()
			.block();
		var theirs = ok(this.sdk.resourceReservationList()
			.get(GetResourceReservationListReq.newBuilder()
				.roomLevelId(EmulatorRooms.REFERENCE_LEVEL_ID)
				.startTime(Long.toString(from.getEpochSecond()))
				.endTime(Long.toString(from.plus(Duration.ofHours(6)).getEpochSecond()))
				.roomIds(new String[] { everest })
				.needTopic(true)
				.pageSize(20)
				.build())).getRoomReservationList();

		assertThat(ours).extracting(RoomReservation::eventTitle).containsExactly("Planning");
		assertSame(FeishuVcJson.mapper(), ours, theirs);
		assertThat(this.starter.rooms()
			.reservations(RoomReservationQuery
				.of(EmulatorRooms.REFERENCE_LEVEL_ID, from, from.plus(Duration.ofHours(6)), List.of(everest))
				.excludingRooms())
			.map(RoomReservation::roomName)
			.collectList()
			.block()).containsExactly("Kilimanjaro");
		assertThat(this.sdk.resourceReservationList()
			.get(GetResourceReservationListReq.newBuilder()
				.roomLevelId(EmulatorRooms.REFERENCE_LEVEL_ID)
				.startTime(Long.toString(from.getEpochSecond()))
				.endTime(Long.toString(from.plus(Duration.ofDays(2)).getEpochSecond()))
				.roomIds(new String[] { everest })
				.build())
			.getCode()).isEqualTo(126006);
	}

	@Test
	void shouldPushRoomEventsTheSdksDispatcherDecodes() throws Throwable {
		try (EventCapture pushes = EventCapture.start()) {
			this.emulator.deliverEventsTo(pushes.url());
			String root = this.emulator.rooms().rootLevelId();
			RoomLevel level = this.starter.levels().create(RoomLevelRequest.of("Annex", root)).block();
			this.starter.levels().update(level.roomLevelId(), RoomLevelRequest.of("Annex 2", root)).block();
			Room room = this.starter.rooms()
				.create(RoomCreateRequest.builder().name("Elbrus").capacity(5).roomLevelId(level.roomLevelId()).build())
				.block();
			this.starter.rooms().update(room.roomId(), RoomUpdateRequest.builder().capacity(6).build()).block();
			this.starter.reserveConfigs()
				.updateReserveScope(room.roomId(), ScopeType.ROOM, new ReserveScope(new ApprovalConfig(true,
						ApprovalCondition.ALL.code(), null, List.of(SubscribeUser.of("ou_approver"))), null, null))
				.block();
			this.starter.levels().delete(level.roomLevelId(), true).block();

			Map<String, String> decoded = new ConcurrentHashMap<>();
			EventDispatcher dispatcher = dispatcher(decoded);
			while (decoded.size() < RoomEventDecoder.types().size()) {
				EventResp response = dispatcher.handle(SdkOracle.eventRequest(pushes.take()));
				assertThat(response.getStatusCode()).as(new String(response.getBody(), StandardCharsets.UTF_8))
					.isEqualTo(200);
			}

			assertThat(decoded).containsOnlyKeys(RoomEventDecoder.types())
				.containsEntry(RoomCreatedEvent.TYPE, room.roomId())
				.containsEntry(RoomUpdatedEvent.TYPE, room.roomId())
				.containsEntry(RoomDeletedEvent.TYPE, room.roomId())
				.containsEntry(RoomLevelCreatedEvent.TYPE, level.roomLevelId())
				.containsEntry(RoomLevelUpdatedEvent.TYPE, level.roomLevelId())
				.containsEntry(RoomLevelDeletedEvent.TYPE, level.roomLevelId())
				.containsEntry(ReserveConfigUpdatedEvent.TYPE, room.roomId() + " ou_approver");
		}
	}

	private EventDispatcher dispatcher(Map<String, String> decoded) {
		return EventDispatcher.newBuilder(FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, ENCRYPT_KEY)
			.onP2RoomCreatedV1(new VcService.P2RoomCreatedV1Handler() {
				@Override
				public void handle(P2RoomCreatedV1 event) {
					decoded.put(event.getHeader().getEventType(), event.getEvent().getRoom().getRoomId());
				}
			})
			.onP2RoomUpdatedV1(new VcService.P2RoomUpdatedV1Handler() {
				@Override
				public void handle(P2RoomUpdatedV1 event) {
					decoded.put(event.getHeader().getEventType(), event.getEvent().getRoom().getRoomId());
				}
			})
			.onP2RoomDeletedV1(new VcService.P2RoomDeletedV1Handler() {
				@Override
				public void handle(P2RoomDeletedV1 event) {
					decoded.put(event.getHeader().getEventType(), event.getEvent().getRoom().getRoomId());
				}
			})
			.onP2RoomLevelCreatedV1(new VcService.P2RoomLevelCreatedV1Handler() {
				@Override
				public void handle(P2RoomLevelCreatedV1 event) {
					decoded.put(event.getHeader().getEventType(), event.getEvent().getRoomLevel().getRoomLevelId());
				}
			})
			.onP2RoomLevelUpdatedV1(new VcService.P2RoomLevelUpdatedV1Handler() {
				@Override
				public void handle(P2RoomLevelUpdatedV1 event) {
					decoded.put(event.getHeader().getEventType(), event.getEvent().getRoomLevel().getRoomLevelId());
				}
			})
			.onP2RoomLevelDeletedV1(new VcService.P2RoomLevelDeletedV1Handler() {
				@Override
				public void handle(P2RoomLevelDeletedV1 event) {
					decoded.put(event.getHeader().getEventType(), event.getEvent().getRoomLevelId());
				}
			})
			.onP2ReserveConfigUpdatedV1(new VcService.P2ReserveConfigUpdatedV1Handler() {
				@Override
				public void handle(P2ReserveConfigUpdatedV1 event) {
					decoded.put(event.getHeader().getEventType(), event.getEvent().getScopeId() + " "
							+ event.getEvent().getApproveConfig().getApprovers()[0].getUserId().getOpenId());
				}
			})
			.build();
	}

}
