package io.github.feishuvc.meeting;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The request and response bodies of the meeting and recording endpoints, as the platform names their fields. */
final class MeetingBodies {

	private MeetingBodies() {
	}

	/** {@code data} of meeting get: the meeting, and what it produced. */
	record MeetingData(@Nullable Meeting meeting, @Nullable MeetingArtifacts relatedArtifacts) {
	}

	/** {@code data} of list by number: one page of meeting briefs. */
	record MeetingPage(@Nullable Boolean hasMore, @Nullable String pageToken, @Nullable List<Meeting> meetingBriefs) {
	}

	/** {@code data} of invite. */
	record InviteData(@Nullable List<MeetingInviteResult> inviteResults) {
	}

	/** {@code data} of kickout. */
	record KickoutData(@Nullable List<MeetingKickoutResult> kickoutResults) {
	}

	/** {@code data} of set host: the host now. */
	record HostData(@Nullable MeetingUser hostUser) {
	}

	/** {@code data} of recording get. */
	record RecordingData(@Nullable Recording recording) {
	}

	/** Body of invite: at most 10 users. */
	record InviteRequest(List<MeetingUser> invitees) {
	}

	/** Body of kickout. */
	record KickoutRequest(List<MeetingUser> kickoutUsers) {
	}

	/** Body of set host: the new host, and the host the caller saw (compare and set). */
	record SetHostRequest(MeetingUser hostUser, @Nullable MeetingUser oldHostUser) {
	}

	/** Body of recording start: the time zone of the recording's times. */
	record StartRecordingRequest(@Nullable Integer timezone) {
	}

	/** Body of recording set permission. */
	record SetPermissionRequest(List<RecordingPermissionObject> permissionObjects, int actionType) {
	}

}
