package io.github.feishuvc.room;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the builders of a room to create and of a room's changes share.
 *
 * @param <B> the builder
 */
public abstract class RoomRequestBuilder<B extends RoomRequestBuilder<B>> {

	@Nullable String name;

	@Nullable Integer capacity;

	@Nullable String description;

	@Nullable String customRoomId;

	@Nullable String roomLevelId;

	@Nullable RoomStatus roomStatus;

	final List<RoomDevice> devices = new ArrayList<>();

	RoomRequestBuilder() {
	}

	/**
	 * The room's name.
	 * @param name the name
	 * @return this builder
	 */
	public B name(String name) {
		this.name = name;
		return self();
	}

	/**
	 * How many people the room holds.
	 * @param capacity at least 1
	 * @return this builder
	 */
	public B capacity(int capacity) {
		this.capacity = capacity;
		return self();
	}

	/**
	 * What the room is.
	 * @param description the description
	 * @return this builder
	 */
	public B description(String description) {
		this.description = description;
		return self();
	}

	/**
	 * The tenant's own id of the room.
	 * @param customRoomId the id
	 * @return this builder
	 */
	public B customRoomId(String customRoomId) {
		this.customRoomId = customRoomId;
		return self();
	}

	/**
	 * The level the room is in.
	 * @param roomLevelId the level's id
	 * @return this builder
	 */
	public B roomLevelId(String roomLevelId) {
		this.roomLevelId = roomLevelId;
		return self();
	}

	/**
	 * Whether the room is enabled, and its disablement.
	 * @param roomStatus the status
	 * @return this builder
	 */
	public B roomStatus(RoomStatus roomStatus) {
		this.roomStatus = roomStatus;
		return self();
	}

	/**
	 * The room's facilities, by name, added to those given before.
	 * @param names the facilities' names
	 * @return this builder
	 */
	public B devices(String... names) {
		for (String name : names) {
			this.devices.add(new RoomDevice(name));
		}
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
