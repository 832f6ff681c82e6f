package io.github.feishuvc.reserve;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a reservation for {@link ReserveOperations#update}: only what is set is sent, and only that changes.
 * Setting {@link #endTime()} renews the reservation. Build one with {@link #builder()}.
 *
 * @param endTime the new expiry, at most 30 days ahead
 * @param meetingSettings the settings to change; {@code meetingConnect} cannot be changed
 */
public record ReserveUpdateRequest(@Nullable Instant endTime, @Nullable ReserveMeetingSettingRequest meetingSettings) {

	/**
	 * A builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link ReserveUpdateRequest}s.
	 */
	public static final class Builder {

		private @Nullable Instant endTime;

		private @Nullable ReserveMeetingSettingRequest meetingSettings;

		private Builder() {
		}

		/**
		 * Renew the reservation until a new expiry, at most 30 days ahead.
		 * @param endTime the new expiry
		 * @return this builder
		 */
		public Builder endTime(Instant endTime) {
			this.endTime = endTime;
			return this;
		}

		/**
		 * The settings to change.
		 * @param meetingSettings the changes
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
		public ReserveUpdateRequest build() {
			return new ReserveUpdateRequest(this.endTime, this.meetingSettings);
		}

	}

}
