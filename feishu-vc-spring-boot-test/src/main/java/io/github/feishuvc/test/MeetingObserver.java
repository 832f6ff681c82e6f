package io.github.feishuvc.test;

import java.time.Instant;

/**
 * What else learns of a meeting's life as {@link EmulatedMeetings} drives it (the meeting agents): told under the
 * meetings' lock, it may read the meeting and push events without waiting, never wait for the application.
 */
interface MeetingObserver {

	/** Observes nothing. */
	MeetingObserver NONE = new MeetingObserver() {
	};

	/** A meeting started. */
	default void started(StoredMeeting meeting) {
	}

	/** Someone joined a meeting in progress. */
	default void joined(StoredMeeting meeting, String userId, Instant at) {
	}

	/** Someone left: 1 by themselves, 2 as it ended. */
	default void left(StoredMeeting meeting, String userId, int reason, Instant at) {
	}

	/** Someone said something. */
	default void said(StoredMeeting meeting, StoredMeeting.Utterance utterance) {
	}

	/** A meeting ended (everyone has left). */
	default void ended(StoredMeeting meeting) {
	}

}
