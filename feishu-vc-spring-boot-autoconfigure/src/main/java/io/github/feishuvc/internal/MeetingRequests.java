package io.github.feishuvc.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.feishuvc.meeting.MeetingUser;
import io.github.feishuvc.meeting.ParticipantName;
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
	 * Set participants' names in a meeting.
	 *
	 * @param changeNameUsers who, and their new names
	 */
	public record ChangeNameRequest(List<ParticipantName> changeNameUsers) {
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

	/**
	 * Subscribe a user to, or unsubscribe them from, events of one type.
	 *
	 * @param eventType the event type, such as {@code vc.note.generated_v1}
	 */
	public record EventTypeBody(String eventType) {
	}

	/**
	 * Search the ended meetings a user may see.
	 *
	 * @param query the keyword
	 * @param meetingFilter the filters
	 */
	public record SearchBody(@Nullable String query, @Nullable Filter meetingFilter) {
	}

	/**
	 * The filters of a search; times are ISO 8601 with their offset, in this one endpoint.
	 *
	 * @param organizerIds organisers' open ids
	 * @param participantIds participants' open ids
	 * @param openRoomIds rooms' ids
	 * @param startTime the window the meetings started in
	 */
	public record Filter(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> organizerIds,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> participantIds,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> openRoomIds, @Nullable TimeRange startTime) {
	}

	/**
	 * A window of ISO 8601 times.
	 *
	 * @param startTime its start
	 * @param endTime its end
	 */
	public record TimeRange(@Nullable String startTime, @Nullable String endTime) {
	}

}
