package io.github.feishuvc.meeting;

import java.time.Instant;
import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A meeting ({@code meeting}): what {@link MeetingOperations#get} returns, the briefs of
 * {@link MeetingOperations#listByNo} and the meetings of {@link MeetingOperations#list} (fewer fields set) and the
 * meeting running behind a reservation
 * ({@link io.github.feishuvc.reserve.ReserveOperations#getActiveMeeting}), one type for one platform object.
 *
 * @param id the meeting's id (exists once the meeting has started; not the reservation id)
 * @param topic the meeting's topic
 * @param url the meeting link Feishu users can open to join
 * @param meetingNo the meeting number
 * @param password the meeting password
 * @param createTime when the meeting was created
 * @param startTime when the meeting started
 * @param endTime when the meeting ended
 * @param hostUser the host
 * @param meetingConnect whether the meeting supports interconnection (in beta on the platform)
 * @param statusCode the raw {@code status} code; see {@link #status()}
 * @param participantCount the peak number of participants
 * @param participantCountAccumulated the number of participants in all
 * @param participants the participants, when asked for; never {@code null}
 * @param ability what was used in the meeting, when asked for with the tenant access token
 * @param noteId the id of the meeting's AI notes, if any
 */
public record Meeting(@Nullable String id, @Nullable String topic, @Nullable String url, @Nullable String meetingNo,
		@Nullable String password, @Nullable Instant createTime, @Nullable Instant startTime,
		@Nullable Instant endTime, @Nullable MeetingUser hostUser, @Nullable Boolean meetingConnect,
		@Nullable Integer statusCode, @Nullable Long participantCount, @Nullable Long participantCountAccumulated,
		List<MeetingParticipant> participants, @Nullable MeetingAbility ability, @Nullable String noteId) {

	/**
	 * Copies the participants, so that the meeting stays immutable.
	 * @param id the meeting's id (exists once the meeting has started; not the reservation id)
	 * @param topic the meeting's topic
	 * @param url the meeting link Feishu users can open to join
	 * @param meetingNo the meeting number
	 * @param password the meeting password
	 * @param createTime when the meeting was created
	 * @param startTime when the meeting started
	 * @param endTime when the meeting ended
	 * @param hostUser the host
	 * @param meetingConnect whether the meeting supports interconnection (in beta on the platform)
	 * @param statusCode the raw {@code status} code; see {@link #status()}
	 * @param participantCount the peak number of participants
	 * @param participantCountAccumulated the number of participants in all
	 * @param participants the participants, when asked for; never {@code null}
	 * @param ability what was used in the meeting, when asked for with the tenant access token
	 * @param noteId the id of the meeting's AI notes, if any
	 */
	public Meeting {
		participants = Lists.immutable(participants);
	}

	/**
	 * The meeting's state.
	 * @return the status, {@link MeetingStatus#UNKNOWN} for a code this version does not know, {@code null} if
	 * absent
	 */
	public @Nullable MeetingStatus status() {
		return MeetingStatus.fromCode(this.statusCode);
	}

	/** Shows every field but the meeting password. */
	@Override
	public String toString() {
		return "Meeting[id=" + this.id + ", topic=" + this.topic + ", url=" + this.url + ", meetingNo=" + this.meetingNo
				+ ", password=" + ((this.password != null) ? "[masked]" : null) + ", createTime=" + this.createTime
				+ ", startTime=" + this.startTime + ", endTime=" + this.endTime + ", hostUser=" + this.hostUser
				+ ", meetingConnect=" + this.meetingConnect + ", statusCode=" + this.statusCode + ", participantCount="
				+ this.participantCount + ", participantCountAccumulated=" + this.participantCountAccumulated
				+ ", participants=" + this.participants + ", ability=" + this.ability + ", noteId=" + this.noteId + "]";
	}

}
