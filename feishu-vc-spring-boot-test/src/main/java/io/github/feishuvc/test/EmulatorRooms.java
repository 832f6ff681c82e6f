package io.github.feishuvc.test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.node.ObjectNode;

/**
 * The meeting rooms of a {@link FeishuVcEmulator} ({@link FeishuVcEmulator#rooms()}): what a test reads of them, and
 * the bookings it makes (which the platform makes from calendars, not through the API). Rooms and levels are made,
 * changed and deleted through the API, by the starter or any client; each change pushes its event.
 *
 * <p>The app's own tenant starts with one level under its root, {@link #REFERENCE_LEVEL_ID} ({@code Headquarters},
 * custom id {@code HQ}), holding two rooms, {@link #REFERENCE_ROOM_IDS} ({@code Everest} for 12 with custom id
 * {@code EV-1}, {@code Kilimanjaro} for 6 with {@code KI-1}); every other tenant starts with its root alone.
 */
public final class EmulatorRooms {

	/** The level of the app's own tenant that holds the reference rooms. */
	public static final String REFERENCE_LEVEL_ID = RoomDirectory.REFERENCE_LEVEL_ID;

	/** The rooms of the app's own tenant at start: {@code Everest} and {@code Kilimanjaro}. */
	public static final List<String> REFERENCE_ROOM_IDS = RoomDirectory.REFERENCE_ROOM_IDS;

	/** The platform's rooms and bookings, read at each call: a reset replaces them. */
	private final Supplier<RoomDirectory> rooms;

	private final Supplier<EmulatedRoomBookings> bookings;

	private final EmulatedApp app;

	EmulatorRooms(Supplier<RoomDirectory> rooms, Supplier<EmulatedRoomBookings> bookings, EmulatedApp app) {
		this.rooms = rooms;
		this.bookings = bookings;
		this.app = app;
	}

	/**
	 * The root level of the app's own tenant: what {@code GET /room_levels/0} answers.
	 * @return its id
	 */
	public String rootLevelId() {
		return this.rooms.get().rootLevelId(this.app.defaultTenant());
	}

	/**
	 * The rooms of the app's own tenant, in the order they were made.
	 * @return their ids
	 */
	public List<String> roomIds() {
		return roomIds(this.app.defaultTenant());
	}

	/**
	 * The rooms of a tenant, in the order they were made.
	 * @param tenantKey the tenant
	 * @return their ids
	 */
	public List<String> roomIds(String tenantKey) {
		return this.rooms.get().roomIds(tenantKey);
	}

	/**
	 * The levels of the app's own tenant but its root, in the order they were made.
	 * @return their ids
	 */
	public List<String> levelIds() {
		return this.rooms.get().levelIds(this.app.defaultTenant());
	}

	/**
	 * A room of the app's own tenant, as {@code GET /rooms/:room_id} answers it.
	 * @param roomId the room's id
	 * @return the {@code room} JSON, empty if there is none
	 */
	public Optional<String> room(String roomId) {
		ObjectNode room = this.rooms.get().room(this.app.defaultTenant(), roomId);
		return Optional.ofNullable(room).map(ObjectNode::toString);
	}

	/**
	 * Book a room of the app's own tenant for a meeting, as a calendar would: what
	 * {@code GET /resource_reservation_list} reports.
	 * @param roomId the room's id
	 * @param start when the meeting starts
	 * @param end when it ends
	 * @param title its title
	 * @param reserverId who booked it
	 * @throws IllegalArgumentException if there is no such room
	 */
	public void book(String roomId, Instant start, Instant end, String title, String reserverId) {
		this.bookings.get().book(this.app.defaultTenant(), roomId, start, end, title, reserverId);
	}

}
