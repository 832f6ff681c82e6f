package io.github.feishuvc.meeting.event;

import org.jspecify.annotations.Nullable;

/**
 * A webinar's settings ({@code webinar_setting} of an event's meeting).
 *
 * @param webinarTypeCode the raw {@code webinar_type} code; see {@link #webinarType()}
 */
public record WebinarSetting(@Nullable Integer webinarTypeCode) {

	/**
	 * The kind of webinar.
	 * @return the type, {@link WebinarType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable WebinarType webinarType() {
		return WebinarType.fromCode(this.webinarTypeCode);
	}

}
