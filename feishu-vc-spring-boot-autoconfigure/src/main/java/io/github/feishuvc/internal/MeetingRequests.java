package io.github.feishuvc.internal;

import java.util.List;

import io.github.feishuvc.meeting.MeetingUser;
import io.github.feishuvc.meeting.RecordingPermissionObject;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the meeting and recording endpoints that are only wire shapes, not API: the operations take
 * their parts as arguments.
 */
public final class MeetingRequests {

	private MeetingRequests() {
	}

	/**
	 * Invite users into a meeting.
	 *
	 * @param invitees whom to invite
	 */
	public record InviteRequest(List<MeetingUser> invitees) {
	}

	/**
	 * Remove users from a meeting.
	 *
	 * @param kickoutUsers whom to remove
	 */
	public record KickoutRequest(List<MeetingUser> kickoutUsers) {
	}

	/**
	 * Hand a meeting's host over.
	 *
	 * @param hostUser the new host
	 * @param oldHostUser the current host, checked by the platform if given
	 */
	public record SetHostRequest(MeetingUser hostUser, @Nullable MeetingUser oldHostUser) {
	}

	/**
	 * Start recording.
	 *
	 * @param timezone the UTC offset of the recording's times, in hours
	 */
	public record StartRecordingRequest(@Nullable Integer timezone) {
	}

	/**
	 * Grant or revoke the right to view a recording.
	 *
	 * @param permissionObjects to whom
	 * @param actionType 0 to grant, 1 to revoke
	 */
	public record SetPermissionRequest(List<RecordingPermissionObject> permissionObjects, int actionType) {
	}

}
