package io.github.feishuvc.reserve;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reservation to make with {@link ReserveOperations#apply}. Build one with {@link #builder()}.
 *
 * <pre>{@code
 * ReserveApplyRequest request = ReserveApplyRequest.builder()
 *     .endTime(Instant.now().plus(Duration.ofDays(1)))
 *     .ownerId("ou_...")
 *     .meetingSettings(ReserveMeetingSettingRequest.builder().topic("Weekly sync").autoRecord(true).build())
 *     .build();
 * }</pre>
 *
 * @param endTime when the reservation expires, at most 30 days ahead; required for a group meeting
 * @param ownerId the Feishu user of the app's tenant who owns the meeting; required when the app (tenant access
 * token) applies, and not allowed with a user access token, where the user owns it
 * @param meetingSettings the meeting's settings
 */
public record ReserveApplyRequest(@Nullable Instant endTime, @Nullable String ownerId,
		@Nullable ReserveMeetingSettingRequest meetingSettings) {

	/**
	 * A builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link ReserveApplyRequest}s.
	 */
	public static final class Builder {

		private @Nullable Instant endTime;

		private @Nullable String ownerId;

		private @Nullable ReserveMeetingSettingRequest meetingSettings;

		private Builder() {
		}

		/**
		 * When the reservation expires, at most 30 days ahead (the platform keeps second precision).
		 * @param endTime the expiry
		 * @return this builder
		 */
		public Builder endTime(Instant endTime) {
			this.endTime = endTime;
			return this;
		}

		/**
		 * The Feishu user of the app's tenant who owns the meeting (tenant access token only).
		 * @param ownerId the user's id, of the call's user id type
		 * @return this builder
		 */
		public Builder ownerId(String ownerId) {
			this.ownerId = ownerId;
			return this;
		}

		/**
		 * The meeting's settings.
		 * @param meetingSettings the settings
		 * @return this builder
		 */
		public Builder meetingSettings(ReserveMeetingSettingRequest meetingSettings) {
			this.meetingSettings = meetingSettings;
			return this;
		}

		/**
		 * Build the request; it is checked when sent.
		 * @return the request
		 */
		public ReserveApplyRequest build() {
			return new ReserveApplyRequest(this.endTime, this.ownerId, this.meetingSettings);
		}

	}

}
