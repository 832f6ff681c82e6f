package io.github.feishuvc.reserve;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A meeting reservation ({@code reserve}).
 *
 * @param id the reservation's id (not a meeting id: a meeting id exists only once the meeting starts)
 * @param meetingNo the nine-digit meeting number Feishu users can type to join
 * @param password the meeting password
 * @param url the meeting link Feishu users can open to join
 * @param appLink the AppLink that opens the Feishu app to join; each {@code {?}} is a placeholder to replace,
 * {@code 0} for off and {@code 1} for on ({@code preview}: the pre-join page, {@code mic}, {@code speaker},
 * {@code camera})
 * @param liveLink the meeting's live-stream link
 * @param endTime when the reservation expires
 * @param expireStatusCode the raw {@code expire_status} code; see {@link #expireStatus()}
 * @param reserveUserId id of the user who made the reservation
 * @param meetingSettings the meeting's settings
 */
public record Reserve(String id, @Nullable String meetingNo, @Nullable String password, @Nullable String url,
		@Nullable String appLink, @Nullable String liveLink, @Nullable Instant endTime,
		@Nullable Integer expireStatusCode, @Nullable String reserveUserId,
		@Nullable ReserveMeetingSetting meetingSettings) {

	/**
	 * Whether the reservation has expired.
	 * @return the status, {@link ExpireStatus#UNKNOWN} for a code this version does not know (the platform's own
	 * example sends {@code 0}), {@code null} if absent
	 */
	public @Nullable ExpireStatus expireStatus() {
		return ExpireStatus.fromCode(this.expireStatusCode);
	}

	/** Shows every field but the meeting password. */
	@Override
	public String toString() {
		return "Reserve[id=" + this.id + ", meetingNo=" + this.meetingNo + ", password=" + mask(this.password)
				+ ", url=" + this.url + ", appLink=" + this.appLink + ", liveLink=" + this.liveLink + ", endTime="
				+ this.endTime + ", expireStatusCode=" + this.expireStatusCode + ", reserveUserId="
				+ this.reserveUserId + ", meetingSettings=" + this.meetingSettings + "]";
	}

	private static @Nullable String mask(@Nullable String secret) {
		return (secret != null) ? "[masked]" : null;
	}

}
