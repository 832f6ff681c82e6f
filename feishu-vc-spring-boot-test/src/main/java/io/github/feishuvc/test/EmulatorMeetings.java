package io.github.feishuvc.test;

import java.util.List;
import java.util.Optional;

/**
 * The meetings of a {@link FeishuVcEmulator} ({@link FeishuVcEmulator#meetings()}): the test hooks that hold a meeting
 * as people would (start it behind a reservation, join, leave, record, share, end), each pushing the events the
 * platform would and waiting for the application's answers, and what a test reads of them. The meeting and recording
 * endpoints act on the same meetings.
 */
public final class EmulatorMeetings {

	private final EmulatedPlatform platform;

	EmulatorMeetings(EmulatedPlatform platform) {
		this.platform = platform;
	}

	/**
	 * Start a meeting behind a reservation: hosted by the reservation's owner ({@code reserve_user_id}), who is in it,
	 * so that get active meeting returns it; pushes {@code vc.meeting.meeting_started_v1} and
	 * {@code vc.meeting.all_meeting_started_v1} to the event URL, if one is set, and waits for the answers.
	 * @param reserveId the reservation's id
	 * @return the meeting's id
	 * @throws IllegalArgumentException if there is no such reservation
	 */
	public String start(String reserveId) {
		return this.platform.reserves().startMeeting(reserveId, null);
	}

	/**
	 * End the meeting running behind a reservation, as its host would: everyone leaves
	 * ({@code vc.meeting.leave_meeting_v1}, reason 2), a recording in progress ends, then
	 * {@code vc.meeting.meeting_ended_v1} and {@code vc.meeting.all_meeting_ended_v1}; a recording made is ready
	 * after {@link FeishuVcEmulator.Builder#recordingProcessingTime} ({@code vc.meeting.recording_ready_v1}). Get active meeting answers
	 * HTTP 404 / code {@code 121004} again. Does nothing when no meeting runs behind it.
	 * @param reserveId the reservation's id
	 */
	public void end(String reserveId) {
		String meetingId = this.platform.reserves().runningMeeting(reserveId);
		if (meetingId != null) {
			this.platform.meetings().end(meetingId);
		}
	}

	/**
	 * Start a meeting that was not reserved through the API, as a user would from the app, in the app's own tenant:
	 * hosted by the user, who is in it. The platform sends no {@code vc.meeting.*} event of such a meeting but
	 * {@code all_meeting_started_v1} and, when it ends, {@code all_meeting_ended_v1} and the subscribed attendees'
	 * {@code participant_meeting_ended_v1}; {@link #join} and {@link #leave} work as for any meeting.
	 * @param hostId the host's open id
	 * @param topic the meeting's topic
	 * @return the meeting's id
	 */
	public String startAdHoc(String hostId, String topic) {
		return this.platform.meetings().startAdHoc(this.platform.app().defaultTenant(), hostId, topic, null);
	}

	/**
	 * End a meeting in progress by its id, as its host would (see {@link #end} for what follows): for a meeting not
	 * held behind a reservation, such as one {@link #startAdHoc started ad hoc}. Its AI note is generated
	 * {@link FeishuVcEmulator.Builder#noteGenerationTime} later, with {@code vc.note.generated_v1} to the attendees
	 * who subscribed.
	 * @param meetingId the meeting's id
	 * @throws IllegalArgumentException if no such meeting is in progress
	 */
	public void endMeeting(String meetingId) {
		this.platform.meetings().end(meetingId);
	}

	/**
	 * The id of a meeting's AI note, once the meeting ended.
	 * @param meetingId the meeting's id
	 * @return the note's id, empty before the meeting ended
	 */
	public Optional<String> noteOf(String meetingId) {
		return this.platform.notes().noteOf(meetingId);
	}

	/**
	 * A user joins a meeting in progress: pushes {@code vc.meeting.join_meeting_v1} and waits for the answer.
	 * @param meetingId the meeting's id
	 * @param userId the user's id, such as an open id {@code ou_...}
	 * @throws IllegalArgumentException if no such meeting is in progress
	 */
	public void join(String meetingId, String userId) {
		this.platform.meetings().join(meetingId, userId);
	}

	/**
	 * A user leaves a meeting in progress by themselves: pushes {@code vc.meeting.leave_meeting_v1} (reason 1) and
	 * waits for the answer (and {@code share_ended_v1} first, if they were sharing their screen).
	 * @param meetingId the meeting's id
	 * @param userId the user's id
	 * @throws IllegalArgumentException if no such meeting is in progress, or the user is not in it
	 */
	public void leave(String meetingId, String userId) {
		this.platform.meetings().leave(meetingId, userId);
	}

	/**
	 * A participant of a meeting in progress says something. The platform sends no event of it; the meeting's
	 * subtitles, its AI note's transcript and, when it was being recorded, its recording's minute are made of what was
	 * said, in order, at the emulator's clock.
	 * @param meetingId the meeting's id
	 * @param userId the speaker's open id
	 * @param text what they said
	 * @throws IllegalArgumentException if no such meeting is in progress, the user is not in it, or the text is blank
	 */
	public void say(String meetingId, String userId, String text) {
		this.platform.meetings().say(meetingId, userId, text);
	}

	/**
	 * The host starts recording a meeting in progress: pushes {@code vc.meeting.recording_started_v1}.
	 * @param meetingId the meeting's id
	 * @throws IllegalArgumentException if no such meeting is in progress, or it is being recorded
	 */
	public void startRecording(String meetingId) {
		this.platform.meetings().startRecording(meetingId);
	}

	/**
	 * The host stops recording a meeting: pushes {@code vc.meeting.recording_ended_v1}. The recording is ready once
	 * the meeting ended.
	 * @param meetingId the meeting's id
	 * @throws IllegalArgumentException if no such meeting is in progress, or it is not being recorded
	 */
	public void stopRecording(String meetingId) {
		this.platform.meetings().stopRecording(meetingId);
	}

	/**
	 * A participant starts sharing their screen: pushes {@code vc.meeting.share_started_v1}.
	 * @param meetingId the meeting's id
	 * @param userId the participant's id
	 * @throws IllegalArgumentException if no such meeting is in progress, or the user is not in it
	 */
	public void startSharing(String meetingId, String userId) {
		this.platform.meetings().startSharing(meetingId, userId);
	}

	/**
	 * Screen sharing stops: pushes {@code vc.meeting.share_ended_v1}.
	 * @param meetingId the meeting's id
	 * @throws IllegalArgumentException if no such meeting is in progress, or nobody shares
	 */
	public void stopSharing(String meetingId) {
		this.platform.meetings().stopSharing(meetingId);
	}

	/**
	 * Whom a meeting's recording is shared with, as set permission left it.
	 * @param meetingId the meeting's id
	 * @return {@code type:id} of each (type 1 user, 2 chat, 3 tenant, 4 public; no id for the last two)
	 */
	public List<String> recordingSharedWith(String meetingId) {
		return this.platform.recordings().sharedWith(meetingId);
	}

	/**
	 * The AI note of a meeting, once it ends, will be a unified one (三合一纪要, {@code note_display_type} 2), whose
	 * transcript {@code unified_note_transcript} serves, made of what was said ({@link #say}). Call it before the
	 * meeting ends.
	 * @param meetingId the meeting's id
	 */
	public void makeNoteUnified(String meetingId) {
		this.platform.notes().makeUnified(meetingId);
	}

	/**
	 * A user starts an audio recording (录音) on a Feishu recorder, in the app's own tenant: not a meeting's
	 * recording. Pushes {@code vc.recording.recording_started_v1}, if the user subscribed to it, and waits for the
	 * answer.
	 * @param userId the recording's owner, an open id
	 * @return the recording's {@code unique_key}
	 */
	public String startAudioRecording(String userId) {
		return this.platform.audioRecordings().start(this.platform.app().defaultTenant(), userId);
	}

	/**
	 * The owner says something into an audio recording in progress: pushes
	 * {@code vc.recording.recording_transcript_generated_v1} with it as one item, if they subscribed to it.
	 * @param uniqueKey the recording's key
	 * @param text what was said
	 * @throws IllegalArgumentException if no such recording is in progress, or the text is blank
	 */
	public void transcribeAudioRecording(String uniqueKey, String text) {
		this.platform.audioRecordings().transcribe(uniqueKey, text);
	}

	/**
	 * An audio recording ends and is uploaded: pushes {@code vc.recording.recording_ended_v1}, if the owner
	 * subscribed to it.
	 * @param uniqueKey the recording's key
	 * @throws IllegalArgumentException if no such recording is in progress
	 */
	public void endAudioRecording(String uniqueKey) {
		this.platform.audioRecordings().end(uniqueKey);
	}

}
