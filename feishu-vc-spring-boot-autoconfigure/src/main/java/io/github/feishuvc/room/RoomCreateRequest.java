package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A room to create with {@link RoomOperations#create}. Build one with {@link #builder()}: a name, a capacity and a
 * level are required.
 *
 * <pre>{@code
 * RoomCreateRequest request = RoomCreateRequest.builder()
 *     .name("Everest")
 *     .capacity(12)
 *     .roomLevelId(floor.roomLevelId())
 *     .devices("Phone", "Projector")
 *     .build();
 * }</pre>
 *
 * @param name the room's name
 * @param capacity how many people it holds, at least 1
 * @param description what it is
 * @param customRoomId the tenant's own id of the room
 * @param roomLevelId the level it is in
 * @param roomStatus whether it is enabled; enabled if absent
 * @param devices its facilities
 */
public record RoomCreateRequest(@Nullable String name, @Nullable Integer capacity, @Nullable String description,
		@Nullable String customRoomId, @Nullable String roomLevelId, @Nullable RoomStatus roomStatus,
		@JsonProperty("device") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RoomDevice> devices) {

	/**
	 * Create a request; {@link #builder()} reads better.
	 * @param name the room's name
	 * @param capacity how many people it holds, at least 1
	 * @param description what it is
	 * @param customRoomId the tenant's own id of the room
	 * @param roomLevelId the level it is in
	 * @param roomStatus whether it is enabled; enabled if absent
	 * @param devices its facilities
	 */
	public RoomCreateRequest {
		devices = Lists.immutable(devices);
	}

	/**
	 * A builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds {@link RoomCreateRequest}s. */
	public static final class Builder extends RoomRequestBuilder<Builder> {

		private Builder() {
		}

		/**
		 * Build the request; it is checked when sent.
		 * @return the request
		 */
		public RoomCreateRequest build() {
			return new RoomCreateRequest(this.name, this.capacity, this.description, this.customRoomId,
					this.roomLevelId, this.roomStatus, this.devices);
		}

	}

}
