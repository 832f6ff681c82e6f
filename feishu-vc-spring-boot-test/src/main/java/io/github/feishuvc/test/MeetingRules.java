package io.github.feishuvc.test;

import io.github.feishuvc.test.Replies.Reply;
import io.github.feishuvc.test.StoredMeeting.Participant;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what to a meeting, in which state, as the meeting and recording endpoints check it: a read by the app of
 * the meeting's tenant or its owner, an in-meeting operation by a user in the meeting in progress, ending or recording
 * by the host. Each check answers the platform's refusal, or {@code null} when the call may go on; call them under the
 * lock of {@link EmulatedMeetings}.
 */
final class MeetingRules {

	private final Replies replies;

	MeetingRules(Replies replies) {
		this.replies = replies;
	}

	/** A read: the app of the meeting's tenant, or its owner; {@code notFound} is the endpoint's own code. */
	@Nullable Reply readError(Caller caller, @Nullable StoredMeeting meeting, int notFound) {
		if (meeting == null || !meeting.tenantKey.equals(caller.tenantKey())) {
			return this.replies.error(404, notFound, (notFound == 121004) ? "data not exist" : "meeting not exist");
		}
		return (caller.isApp() || meeting.ownerId.equals(caller.userId())) ? null : noPermission();
	}

	/** An in-meeting operation of the app: the meeting must be in progress. */
	@Nullable Reply stateError(Caller caller, @Nullable StoredMeeting meeting) {
		if (meeting == null || !meeting.tenantKey.equals(caller.tenantKey())) {
			return this.replies.error(404, 122002, "meeting not exist");
		}
		return (meeting.status != StoredMeeting.IN_PROGRESS) ? statusUnexpected() : null;
	}

	/** An in-meeting operation of a user: the meeting in progress, the user in it. */
	@Nullable Reply inMeetingError(Caller caller, @Nullable StoredMeeting meeting) {
		Reply error = stateError(caller, meeting);
		if (error != null) {
			return error;
		}
		Participant operator = meeting.participants.get(caller.userId());
		return (operator == null || operator.status != StoredMeeting.IN_MEETING)
				? this.replies.error(400, 122003, "operator user not in meeting") : null;
	}

	/** What only the host may do. */
	@Nullable Reply hostError(Caller caller, @Nullable StoredMeeting meeting) {
		Reply error = inMeetingError(caller, meeting);
		return (error == null && !meeting.hostId.equals(caller.userId())) ? noPermission() : error;
	}

	Reply statusUnexpected() {
		return this.replies.error(400, 122001, "meeting status unexpected");
	}

	Reply noPermission() {
		return this.replies.error(403, 121005, "no permission");
	}

}
