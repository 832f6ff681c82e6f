package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * What to change of a room with {@link RoomOperations#update}: only what is set is sent. Build one with
 * {@link #builder()}; a new {@code roomLevelId} moves the room to that level.
 *
 * @param name the room's new name
 * @param capacity how many people it holds, at least 1
 * @param description what it is
 * @param customRoomId the tenant's own id of the room
 * @param roomLevelId the level to move it to
 * @param roomStatus whether it is enabled, and its disablement
 * @param devices its facilities, all of them; not sent when empty
 */
public record RoomUpdateRequest(@Nullable String name, @Nullable Integer capacity, @Nullable String description,
		@Nullable String customRoomId, @Nullable String roomLevelId, @Nullable RoomStatus roomStatus,
		@JsonProperty("device") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RoomDevice> devices) {

	/**
	 * Create a request; {@link #builder()} reads better.
	 * @param name the room's new name
	 * @param capacity how many people it holds, at least 1
	 * @param description what it is
	 * @param customRoomId the tenant's own id of the room
	 * @param roomLevelId the level to move it to
	 * @param roomStatus whether it is enabled, and its disablement
	 * @param devices its facilities, all of them; not sent when empty
	 */
	public RoomUpdateRequest {
		devices = Lists.immutable(devices);
	}

	/**
	 * A builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds {@link RoomUpdateRequest}s. */
	public static final class Builder extends RoomRequestBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Build the request; it is checked when sent.
		 * @return the request
		 */
		public RoomUpdateRequest build() {
			return new RoomUpdateRequest(this.name, this.capacity, this.description, this.customRoomId,
					this.roomLevelId, this.roomStatus, this.devices);
		}

	}

}
