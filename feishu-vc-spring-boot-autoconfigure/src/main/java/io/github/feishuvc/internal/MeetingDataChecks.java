package io.github.feishuvc.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import io.github.feishuvc.report.MeetingDataStatus;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.report.ParticipantQualityQuery;
import io.github.feishuvc.report.ParticipantQuery;
import org.jspecify.annotations.Nullable;

/**
 * The documented rules of the meeting data's queries, which its reads and its exports share, checked before anything
 * is sent: the platform's {@code 126004} (a meeting number of 9 digits), {@code 126005} (a window that starts in the
 * future), {@code 126006} (its length), {@code 126007} and {@code 126008} (one filter).
 */
public final class MeetingDataChecks {

	private static final Pattern MEETING_NO = Pattern.compile("\\d{9}");

	private static final Duration YEAR = Duration.ofDays(365);

	private static final Duration MONTH = Duration.ofDays(31);

	private static final Duration DAY = Duration.ofDays(1);

	private MeetingDataChecks() {
	}

	/**
	 * Check a query of the tenant's meetings.
	 * @param query the query
	 * @param export whether it is for an export, which takes upcoming meetings and no external ones or webinars
	 */
	public static void check(MeetingListQuery query, boolean export) {
		Violations violations = new Violations("MeetingListQuery");
		window(violations, query.from(), query.to(), (query.status() == MeetingDataStatus.UPCOMING) ? MONTH : YEAR,
				(query.status() == MeetingDataStatus.UPCOMING) ? "a month" : "a year");
		int filters = ((query.meetingNo() != null) ? 1 : 0) + ((query.userId() != null) ? 1 : 0)
				+ ((query.roomId() != null) ? 1 : 0) + ((query.meetingType() != null) ? 1 : 0);
		violations.addIf(filters > 1, "at most one of meetingNo, userId, roomId and meetingType may be set");
		meetingNo(violations, query.meetingNo(), false);
		status(violations, query.status(), export);
		violations.addIf(query.meetingType() != null && query.meetingType().code() < 0, "meetingType must be known");
		violations.addIf(export && (query.withExternalMeetings() || query.withWebinars()),
				"exports cannot include external meetings or webinars");
		violations.throwIfAny();
	}

	/**
	 * Check a query of one meeting's participants.
	 * @param query the query
	 * @param export whether it is for an export, which takes no webinar role
	 */
	public static void check(ParticipantQuery query, boolean export) {
		Violations violations = new Violations("ParticipantQuery");
		meetingNo(violations, query.meetingNo(), true);
		window(violations, query.meetingStart(), query.meetingEnd(), DAY, "a day");
		violations.addIf(query.userId() != null && query.roomId() != null, "userId and roomId cannot both be set");
		status(violations, query.status(), true);
		violations.addIf(export && query.webinarUserRole() != null, "exports take no webinarUserRole");
		violations.throwIfAny();
	}

	/**
	 * Check a query of one join's quality.
	 * @param query the query
	 */
	public static void check(ParticipantQualityQuery query) {
		Violations violations = new Violations("ParticipantQualityQuery");
		meetingNo(violations, query.meetingNo(), true);
		window(violations, query.meetingStart(), query.meetingEnd(), DAY, "a day");
		violations.addIf(query.joinTime() == null, "joinTime is required");
		violations.addIf((query.userId() == null) == (query.roomId() == null), "exactly one of userId and roomId");
		violations.throwIfAny();
	}

	/**
	 * Refuse, as the platform would ({@code 126005}), a window that starts after now; like every other check of these
	 * queries, before anything is assembled or sent.
	 * @param clock what now is
	 * @param start the window's start
	 * @param queryName the query's name, for the message
	 * @param field the start's name in the query, for the message
	 * @throws IllegalArgumentException if the window starts in the future
	 */
	public static void notInFuture(Clock clock, Instant start, String queryName, String field) {
		if (start.isAfter(clock.instant())) {
			throw new IllegalArgumentException(
					"Invalid " + queryName + ": " + field + " must not be in the future, was " + start);
		}
	}

	/**
	 * Check a window.
	 * @param violations where violations go
	 * @param from its start
	 * @param to its end
	 * @param longest the longest it may be
	 * @param longestName the same, as words
	 */
	public static void window(Violations violations, @Nullable Instant from, @Nullable Instant to, Duration longest,
			String longestName) {
		violations.addIf(from == null, "the window's start is required");
		violations.addIf(to == null, "the window's end is required");
		if (from != null && to != null) {
			violations.addIf(!to.isAfter(from), "the window must end after it starts");
			violations.addIf(to.isAfter(from.plus(longest)), "the window must be at most " + longestName + " long");
		}
	}

	private static void meetingNo(Violations violations, @Nullable String meetingNo, boolean required) {
		violations.addIf(required && meetingNo == null, "meetingNo is required");
		violations.addIf(meetingNo != null && !MEETING_NO.matcher(meetingNo).matches(),
				"meetingNo must be 9 digits, was " + meetingNo);
	}

	private static void status(Violations violations, @Nullable MeetingDataStatus status, boolean upcomingAllowed) {
		violations.addIf(status == MeetingDataStatus.UNKNOWN, "status must be known");
		violations.addIf(!upcomingAllowed && status == MeetingDataStatus.UPCOMING,
				"UPCOMING is answered, not asked for, when reading meetings (export them instead)");
	}

}
