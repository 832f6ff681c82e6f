package io.github.feishuvc.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The header of a version 2 event, what every family's decoder reads the same; its create time is milliseconds.
 *
 * @param eventId the event's id
 * @param tenantKey the tenant it happened in
 * @param createTime when the platform made it, milliseconds as a string
 */
public record EventHeader(@Nullable String eventId, @Nullable String tenantKey, @Nullable String createTime) {

	/**
	 * When the platform made the event.
	 * @return the time, or {@code null} if the header does not say, or not in milliseconds
	 */
	public @Nullable Instant createdAt() {
		try {
			return (this.createTime != null) ? Instant.ofEpochMilli(Long.parseLong(this.createTime.strip())) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
