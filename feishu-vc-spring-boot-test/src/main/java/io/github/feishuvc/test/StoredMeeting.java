package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A meeting and what happened in it: who took part and when, who hosts it, who shares a screen, its recording, whom
 * the recording is shared with; and how the platform shows it. Changed under the lock of {@link EmulatedMeetings}.
 */
final class StoredMeeting {

	static final int IN_PROGRESS = 2;

	static final int ENDED = 3;

	static final int CALLING = 1;

	static final int IN_MEETING = 2;

	static final int NOT_IN_MEETING = 4;

	final String id;

	final String tenantKey;

	final String ownerId;

	final ObjectNode json;

	final Map<String, Participant> participants = new LinkedHashMap<>();

	final Map<String, Integer> sharedWith = new LinkedHashMap<>();

	Instant startTime = Instant.EPOCH;

	@Nullable Instant endTime;

	int status = IN_PROGRESS;

	/** Whether it was reserved through the API, the only meetings the {@code vc.meeting.*} events are of. */
	boolean viaApi = true;

	String hostId;

	int peak;

	@Nullable String sharer;

	boolean usedSharing;

	RecordingState recording = RecordingState.NONE;

	@Nullable Instant recordingSince;

	/** When it was first recorded: where its minute's times start. */
	@Nullable Instant firstRecorded;

	Duration recorded = Duration.ZERO;

	@Nullable String recordingId;

	@Nullable String recordingUrl;

	/** What was said in it, in order: what its subtitles, its note's transcript and its minute are made of. */
	final List<Utterance> said = new ArrayList<>();

	StoredMeeting(String id, String tenantKey, String ownerId, ObjectNode json) {
		this.id = id;
		this.tenantKey = tenantKey;
		this.ownerId = ownerId;
		this.json = json;
		this.hostId = ownerId;
	}

	Participant participant(String userId) {
		return this.participants.computeIfAbsent(userId, Participant::new);
	}

	void startRecording(Instant now) {
		this.recording = RecordingState.RECORDING;
		this.recordingSince = now;
		if (this.firstRecorded == null) {
			this.firstRecorded = now;
		}
	}

	void stopRecording(Instant now) {
		this.recorded = this.recorded.plus(Duration.between(this.recordingSince, now));
		this.recording = RecordingState.PROCESSING;
	}

	/** The meeting as the platform returns it: with its participants, and with what was used in it, when asked. */
	ObjectNode view(Clock clock, boolean withParticipants, boolean withAbility) {
		ObjectNode view = this.json.deepCopy();
		view.put("create_time", Long.toString(this.startTime.getEpochSecond()))
			.put("start_time", Long.toString(this.startTime.getEpochSecond()));
		if (this.endTime != null) {
			view.put("end_time", Long.toString(this.endTime.getEpochSecond()));
		}
		else {
			view.remove("end_time");
		}
		view.putObject("host_user").put("id", this.hostId).put("user_type", 1);
		view.put("status", this.status);
		long inMeeting = this.participants.values().stream().filter((p) -> p.status == IN_MEETING).count();
		this.peak = Math.max(this.peak, (int) inMeeting);
		view.put("participant_count", Integer.toString(Math.max(this.peak, 1)))
			.put("participant_count_accumulated",
					Long.toString(this.participants.values().stream().filter((p) -> p.firstJoin != null).count()));
		view.remove("participants");
		view.remove("ability");
		if (withParticipants) {
			ArrayNode participants = view.putArray("participants");
			this.participants.forEach((userId, participant) -> {
				ObjectNode node = participants.addObject().put("id", userId);
				if (participant.firstJoin != null) {
					node.put("first_join_time", Long.toString(participant.firstJoin.getEpochSecond()));
				}
				if (participant.finalLeave != null) {
					node.put("final_leave_time", Long.toString(participant.finalLeave.getEpochSecond()));
				}
				node.put("in_meeting_duration", Long.toString(participant.inMeeting(clock.instant()).toSeconds()))
					.put("user_type", 1)
					.put("is_host", userId.equals(this.hostId))
					.put("is_cohost", false)
					.put("is_external", false)
					.put("status", participant.status);
			});
		}
		if (withAbility) {
			view.putObject("ability")
				.put("use_video", true)
				.put("use_audio", true)
				.put("use_share_screen", this.usedSharing)
				.put("use_follow_screen", false)
				.put("use_recording", this.recording != RecordingState.NONE)
				.put("use_pstn", false);
		}
		return view;
	}

	/**
	 * One thing a participant said.
	 * @param speakerId the speaker's open id
	 * @param at when they said it
	 * @param sinceStart how long after the meeting's start
	 * @param text what they said
	 * @param recorded whether the meeting was being recorded then (only then is it in the recording's minute)
	 */
	record Utterance(String speakerId, Instant at, Duration sinceStart, String text, boolean recorded) {
	}

	/** Where a meeting's recording is. */
	enum RecordingState {

		NONE, RECORDING, PROCESSING, READY

	}

	/** One participant's attendance. */
	static final class Participant {

		final String id;

		int status = NOT_IN_MEETING;

		@Nullable Instant firstJoin;

		@Nullable Instant joinedAt;

		@Nullable Instant finalLeave;

		Duration attended = Duration.ZERO;

		/** The name the meeting shows, once set by {@code change_name}; else the meeting shows the user's own. */
		@Nullable String inMeetingName;

		Participant(String id) {
			this.id = id;
		}

		void join(Instant now) {
			if (this.firstJoin == null) {
				this.firstJoin = now;
			}
			this.joinedAt = now;
			this.status = IN_MEETING;
		}

		void leave(Instant now) {
			if (this.joinedAt != null) {
				this.attended = this.attended.plus(Duration.between(this.joinedAt, now));
			}
			this.joinedAt = null;
			this.finalLeave = now;
			this.status = NOT_IN_MEETING;
		}

		Duration inMeeting(Instant now) {
			return (this.joinedAt != null) ? this.attended.plus(Duration.between(this.joinedAt, now)) : this.attended;
		}

	}

}
