package io.github.feishuvc.reserve;

import io.github.feishuvc.meeting.Meeting;
import org.jspecify.annotations.Nullable;

/** The {@code data} of the get-active-meeting response. */
record MeetingData(@Nullable Meeting meeting) {
}
