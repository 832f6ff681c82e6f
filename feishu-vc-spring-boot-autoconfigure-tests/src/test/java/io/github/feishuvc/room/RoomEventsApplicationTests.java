package io.github.feishuvc.room;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.meeting.event.EventUserIds;
import io.github.feishuvc.room.event.ReserveConfigUpdatedEvent;
import io.github.feishuvc.room.event.RoomCreatedEvent;
import io.github.feishuvc.room.event.RoomDeletedEvent;
import io.github.feishuvc.room.event.RoomEvent;
import io.github.feishuvc.room.event.RoomEventDecoder;
import io.github.feishuvc.room.event.RoomLevelCreatedEvent;
import io.github.feishuvc.room.event.RoomLevelDeletedEvent;
import io.github.feishuvc.room.event.RoomLevelUpdatedEvent;
import io.github.feishuvc.room.event.RoomUpdatedEvent;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven room events as applications receive them: a WebFlux and a Spring MVC application at their event
 * endpoint, and one on the long connection, change rooms, levels and booking restrictions through the starter, and
 * every typed event of those changes reaches its own {@code @EventListener}.
 */
class RoomEventsApplicationTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder().encryptKey("room-events-key").start();

	private ConfigurableApplicationContext context;

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "REACTIVE", "SERVLET", "long-connection" })
	void shouldPublishEachOfTheSevenRoomEventsTyped(String delivery) {
		start(delivery);
		RoomOperations rooms = this.context.getBean(RoomOperations.class);
		RoomLevelOperations levels = this.context.getBean(RoomLevelOperations.class);
		ReserveConfigOperations reserveConfigs = this.context.getBean(ReserveConfigOperations.class);

		RoomLevel root = levels.root().block();
		RoomLevel wing = levels.create(RoomLevelRequest.of("East wing", root.roomLevelId())).block();
		levels.update(wing.roomLevelId(), RoomLevelRequest.of("West wing", root.roomLevelId())).block();
		Room room = rooms.create(RoomCreateRequest.builder()
			.name("Denali")
			.capacity(6)
			.roomLevelId(wing.roomLevelId())
			.roomStatus(new RoomStatus(true, null, null, null, null, List.of("ou_facilities"), null, null))
			.build()).block();
		rooms.update(room.roomId(), RoomUpdateRequest.builder().capacity(7).build()).block();
		reserveConfigs.updateReserveScope(room.roomId(), ScopeType.ROOM, new ReserveScope(null, null,
				new ReserveScopeConfig(null, false, List.of(SubscribeUser.of("ou_booker")), List.of()))).block();
		rooms.delete(room.roomId()).block();
		levels.delete(wing.roomLevelId(), false).block();

		Listeners listeners = this.context.getBean(Listeners.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(listeners.typed.keySet())
				.containsExactlyInAnyOrderElementsOf(RoomEventDecoder.types()));
		assertThat(listeners.all).hasSize(7).allSatisfy((event) -> {
			assertThat(event.tenantKey()).isEqualTo(FeishuVcEmulator.DEFAULT_TENANT_KEY);
			assertThat(event.eventId()).isNotBlank();
			assertThat(event.createTime()).isNotNull();
		});
		assertThat(listeners.one(RoomLevelCreatedEvent.class).roomLevel().name()).isEqualTo("East wing");
		assertThat(listeners.one(RoomLevelUpdatedEvent.class).roomLevel().name()).isEqualTo("West wing");
		RoomCreatedEvent created = listeners.one(RoomCreatedEvent.class);
		assertThat(created.room().roomId()).isEqualTo(room.roomId());
		assertThat(created.room().roomStatus().contactIds()).extracting(EventUserIds::openId)
			.containsExactly("ou_facilities");
		assertThat(listeners.one(RoomUpdatedEvent.class).room().capacity()).isEqualTo(7);
		ReserveConfigUpdatedEvent restricted = listeners.one(ReserveConfigUpdatedEvent.class);
		assertThat(restricted.scopeId()).isEqualTo(room.roomId());
		assertThat(restricted.scopeType()).isEqualTo(ScopeType.ROOM);
		assertThat(restricted.reserveScopeConfig().allowAllUsers()).isFalse();
		assertThat(restricted.reserveScopeConfig().allowUsers()).extracting((user) -> user.userId().openId())
			.containsExactly("ou_booker");
		assertThat(listeners.one(RoomDeletedEvent.class).roomId()).isEqualTo(room.roomId());
		RoomLevelDeletedEvent deleted = listeners.one(RoomLevelDeletedEvent.class);
		assertThat(deleted.roomLevelId()).isEqualTo(wing.roomLevelId());
		assertThat(deleted.deleteChild()).isFalse();
	}

	private void start(String delivery) {
		boolean longConnection = delivery.equals("long-connection");
		SpringApplicationBuilder application = TestFeishu.webApplication(RoomApplication.class,
				longConnection ? WebApplicationType.NONE : WebApplicationType.valueOf(delivery), this.emulator);
		this.context = (longConnection ? application.properties("feishu.vc.events.mode=long-connection")
				: application.properties("feishu.vc.events.enabled=true")).run();
		if (!longConnection) {
			this.emulator.deliverEventsTo(TestFeishu.url(this.context, "/feishu/events"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RoomApplication {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	/** One listener per event type, as an application writes them. */
	static class Listeners {

		final Map<String, List<RoomEvent>> typed = new ConcurrentHashMap<>();

		final List<RoomEvent> all = new CopyOnWriteArrayList<>();

		<T extends RoomEvent> T one(Class<T> type) {
			return this.all.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
		}

		private void add(String type, RoomEvent event) {
			this.typed.computeIfAbsent(type, (key) -> new CopyOnWriteArrayList<>()).add(event);
		}

		@EventListener
		void on(RoomEvent event) {
			this.all.add(event);
		}

		@EventListener
		void on(RoomCreatedEvent event) {
			add(RoomCreatedEvent.TYPE, event);
		}

		@EventListener
		void on(RoomUpdatedEvent event) {
			add(RoomUpdatedEvent.TYPE, event);
		}

		@EventListener
		void on(RoomDeletedEvent event) {
			add(RoomDeletedEvent.TYPE, event);
		}

		@EventListener
		void on(RoomLevelCreatedEvent event) {
			add(RoomLevelCreatedEvent.TYPE, event);
		}

		@EventListener
		void on(RoomLevelUpdatedEvent event) {
			add(RoomLevelUpdatedEvent.TYPE, event);
		}

		@EventListener
		void on(RoomLevelDeletedEvent event) {
			add(RoomLevelDeletedEvent.TYPE, event);
		}

		@EventListener
		void on(ReserveConfigUpdatedEvent event) {
			add(ReserveConfigUpdatedEvent.TYPE, event);
		}

	}

}
