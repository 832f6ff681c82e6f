package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.test.MeetingHistory.Attendance;
import io.github.feishuvc.test.StoredMeeting.Participant;
import io.github.feishuvc.test.StoredMeeting.RecordingState;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.seconds;

/**
 * The meetings of the emulated platform and their life as the emulator's test hooks drive it: started behind a
 * reservation or ad hoc, joined and left, recorded, shared, ended (everyone leaves, a recording is ready a little
 * later, the AI note is generated). Every step pushes the event the platform would ({@link MeetingEvents}); the
 * meeting endpoints ({@link EmulatedMeetingEndpoints}) and the recording ones ({@link EmulatedRecordings}) act on the
 * same meetings, under this object's lock. Works on JSON trees only, never on the starter's models.
 *
 * <p>A meeting belongs to the tenant of the reservation it was started from, and to the reservation's owner: the
 * app's tenant access token of that tenant, and the owner's user access token, may read it; an in-meeting operation by
 * a user needs that user in the meeting, and ending it or recording it needs the host.
 */
final class EmulatedMeetings {

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	private final Duration recordingProcessingTime;

	private final Map<String, StoredMeeting> meetings = new ConcurrentHashMap<>();

	private final EmulatedNotes notes;

	private final EmulatedMinutes minutes;

	private volatile MeetingObserver observer = MeetingObserver.NONE;

	EmulatedMeetings(Replies replies, Clock clock, EventSink events, Duration recordingProcessingTime,
			EmulatedNotes notes, EmulatedMinutes minutes) {
		this.replies = replies;
		this.clock = clock;
		this.events = MeetingEvents.visible(events, this.meetings::get);
		this.recordingProcessingTime = recordingProcessingTime;
		this.notes = notes;
		this.minutes = minutes;
	}

	/** Tell an observer (the meeting agents) of every meeting's life, under this object's lock. */
	void observe(MeetingObserver observer) {
		this.observer = observer;
	}

	/** Where the meetings' events go: those the platform sends of each meeting. */
	EventSink events() {
		return this.events;
	}

	/** A meeting running behind a reservation as the platform's documentation shows it, without an event. */
	synchronized String addRunning(ObjectNode documented, String tenantKey) {
		StoredMeeting meeting = new StoredMeeting(documented.path("id").asString(), tenantKey,
				documented.path("host_user").path("id").asString(""), documented);
		meeting.startTime = seconds(documented.get("start_time"), this.clock.instant());
		for (JsonNode participant : documented.path("participants")) {
			meeting.participant(participant.path("id").asString("")).join(meeting.startTime);
		}
		this.meetings.put(meeting.id, meeting);
		return meeting.id;
	}

	/**
	 * Start a meeting behind a reservation: its owner hosts it and is in it.
	 * @param meetingId its id, or {@code null} for a new one
	 */
	String start(ObjectNode reserve, Caller creator, @Nullable String meetingId) {
		StoredMeeting meeting;
		synchronized (this) {
			String owner = reserve.path("reserve_user_id").asString("ou_emulated_host");
			ObjectNode json = this.replies.object()
				.put("id", newMeetingId(meetingId))
				.put("topic", reserve.path("meeting_settings").path("topic").asString(""))
				.put("url", reserve.path("url").asString(""))
				.put("meeting_no", reserve.path("meeting_no").asString(""));
			if (reserve.has("password")) {
				json.put("password", reserve.path("password").asString());
			}
			json.put("meeting_connect", reserve.path("meeting_settings").path("meeting_connect").asBoolean(false));
			meeting = new StoredMeeting(json.path("id").asString(), creator.tenantKey(), owner, json);
			meeting.startTime = this.clock.instant();
			meeting.participant(owner).join(meeting.startTime);
			this.meetings.put(meeting.id, meeting);
			this.observer.started(meeting);
		}
		this.events.pushAndWait(meeting.tenantKey, List.of(
				MeetingEvents.event("vc.meeting.meeting_started_v1", meeting, meeting.hostId, true),
				MeetingEvents.event("vc.meeting.all_meeting_started_v1", meeting, meeting.hostId, true)));
		return meeting.id;
	}

	/**
	 * Start a meeting that was not reserved through the API, as a user would from the app: it joins the meeting data,
	 * the subscriptions' events and the search, but the platform sends no {@code vc.meeting.*} event of it (only the
	 * {@code all_meeting_*} and subscribed users' ones).
	 */
	String startAdHoc(String tenantKey, String hostId, String topic, @Nullable String meetingId) {
		StoredMeeting meeting;
		synchronized (this) {
			ObjectNode json = this.replies.object()
				.put("id", newMeetingId(meetingId))
				.put("topic", topic)
				.put("meeting_no", this.replies.randomDigits(9));
			json.put("url", "https://vc.feishu.cn/j/" + json.path("meeting_no").asString());
			meeting = new StoredMeeting(json.path("id").asString(), tenantKey, hostId, json);
			meeting.viaApi = false;
			meeting.startTime = this.clock.instant();
			meeting.participant(hostId).join(meeting.startTime);
			this.meetings.put(meeting.id, meeting);
			this.observer.started(meeting);
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.all_meeting_started_v1", meeting, meeting.hostId, true)));
		return meeting.id;
	}

	/** Whether a user is in a meeting now. */
	synchronized boolean isIn(String meetingId, String userId) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		Participant participant = (meeting != null) ? meeting.participants.get(userId) : null;
		return participant != null && participant.status == StoredMeeting.IN_MEETING;
	}

	void join(String meetingId, String userId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			Instant now = this.clock.instant();
			meeting.participant(userId).join(now);
			this.observer.joined(meeting, userId, now);
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.join_meeting_v1", meeting, userId, false)));
	}

	void leave(String meetingId, String userId) {
		StoredMeeting meeting = running(meetingId);
		List<ObjectNode> pushed = new ArrayList<>();
		synchronized (this) {
			Participant participant = meeting.participants.get(userId);
			if (participant == null || participant.status != StoredMeeting.IN_MEETING) {
				throw new IllegalArgumentException(userId + " is not in meeting " + meetingId);
			}
			if (userId.equals(meeting.sharer)) {
				pushed.add(MeetingEvents.event("vc.meeting.share_ended_v1", meeting, userId, false));
				meeting.sharer = null;
			}
			Instant now = this.clock.instant();
			participant.leave(now);
			this.observer.left(meeting, userId, 1, now);
			pushed.add(MeetingEvents.leave(meeting, participant, userId, 1));
		}
		this.events.pushAndWait(meeting.tenantKey, pushed);
	}

	/** A participant says something: no event, but the subtitles, the note's transcript and the minute show it. */
	void say(String meetingId, String userId, String text) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			Participant participant = meeting.participants.get(userId);
			if (participant == null || participant.status != StoredMeeting.IN_MEETING) {
				throw new IllegalArgumentException(userId + " is not in meeting " + meetingId);
			}
			if (text.isBlank()) {
				throw new IllegalArgumentException("Nothing said");
			}
			Instant now = this.clock.instant();
			StoredMeeting.Utterance utterance = new StoredMeeting.Utterance(userId, now,
					Duration.between(meeting.startTime, now), text, meeting.recording == RecordingState.RECORDING);
			meeting.said.add(utterance);
			this.observer.said(meeting, utterance);
		}
	}

	/** What was said in a meeting, in order: a copy taken under the lock; empty for an unknown meeting. */
	synchronized List<StoredMeeting.Utterance> said(String meetingId) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		return (meeting != null) ? List.copyOf(meeting.said) : List.of();
	}

	void startRecording(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			if (meeting.recording == RecordingState.RECORDING) {
				throw new IllegalArgumentException("Meeting " + meetingId + " is being recorded already");
			}
			meeting.startRecording(this.clock.instant());
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.recording_started_v1", meeting, meeting.hostId, false)));
	}

	void stopRecording(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			if (meeting.recording != RecordingState.RECORDING) {
				throw new IllegalArgumentException("Meeting " + meetingId + " is not being recorded");
			}
			meeting.stopRecording(this.clock.instant());
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.recording_ended_v1", meeting, meeting.hostId, false)));
	}

	void startSharing(String meetingId, String userId) {
		StoredMeeting meeting = running(meetingId);
		synchronized (this) {
			Participant participant = meeting.participants.get(userId);
			if (participant == null || participant.status != StoredMeeting.IN_MEETING) {
				throw new IllegalArgumentException(userId + " is not in meeting " + meetingId);
			}
			meeting.sharer = userId;
			meeting.usedSharing = true;
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.share_started_v1", meeting, userId, false)));
	}

	void stopSharing(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		String sharer;
		synchronized (this) {
			sharer = meeting.sharer;
			if (sharer == null) {
				throw new IllegalArgumentException("Nobody shares a screen in meeting " + meetingId);
			}
			meeting.sharer = null;
		}
		this.events.pushAndWait(meeting.tenantKey,
				List.of(MeetingEvents.event("vc.meeting.share_ended_v1", meeting, sharer, false)));
	}

	/** End a meeting as its host would: everyone leaves, a recording ends and is ready a little later. */
	void end(String meetingId) {
		StoredMeeting meeting = running(meetingId);
		this.events.pushAndWait(meeting.tenantKey, endNow(meeting, meeting.hostId));
	}

	/** End a meeting in progress; the events to push once the lock is let go. */
	synchronized List<ObjectNode> endNow(StoredMeeting meeting, String operator) {
		List<ObjectNode> pushed = new ArrayList<>();
		if (meeting.sharer != null) {
			pushed.add(MeetingEvents.event("vc.meeting.share_ended_v1", meeting, meeting.sharer, false));
			meeting.sharer = null;
		}
		if (meeting.recording == RecordingState.RECORDING) {
			meeting.stopRecording(this.clock.instant());
			pushed.add(MeetingEvents.event("vc.meeting.recording_ended_v1", meeting, operator, false));
		}
		meeting.participants.values().forEach((participant) -> {
			if (participant.status == StoredMeeting.IN_MEETING) {
				participant.leave(this.clock.instant());
				this.observer.left(meeting, participant.id, 2, this.clock.instant());
				pushed.add(MeetingEvents.leave(meeting, participant, operator, 2));
			}
		});
		meeting.status = StoredMeeting.ENDED;
		meeting.endTime = this.clock.instant();
		this.observer.ended(meeting);
		pushed.add(MeetingEvents.event("vc.meeting.meeting_ended_v1", meeting, operator, true));
		pushed.add(MeetingEvents.event("vc.meeting.all_meeting_ended_v1", meeting, operator, true));
		List<String> attendees = meeting.participants.values()
			.stream()
			.filter((participant) -> participant.firstJoin != null)
			.map((participant) -> participant.id)
			.toList();
		List<String> subscribed = this.notes.subscribedAmong(meeting.tenantKey, EmulatedNotes.PARTICIPANT_MEETING_ENDED,
				attendees);
		if (!subscribed.isEmpty()) {
			ObjectNode ended = MeetingEvents.event(EmulatedNotes.PARTICIPANT_MEETING_ENDED, meeting, operator, true);
			EmulatedNotes.subscriberIds((ObjectNode) ended.get("event"), subscribed);
			pushed.add(ended);
		}
		meeting.json.put("note_id", this.notes.meetingEnded(meeting.tenantKey, meeting.id, meeting.hostId, attendees));
		if (meeting.recording == RecordingState.PROCESSING) {
			this.events.pushLater(meeting.tenantKey, this.recordingProcessingTime, () -> recordingReady(meeting));
		}
		return pushed;
	}

	private synchronized @Nullable ObjectNode recordingReady(StoredMeeting meeting) {
		if (meeting.recording != RecordingState.PROCESSING) {
			return null;
		}
		meeting.recording = RecordingState.READY;
		meeting.recordingId = this.replies.randomDigits(19);
		String minuteToken = "obcn" + this.replies.randomHex(10);
		meeting.recordingUrl = "https://meetings.feishu.cn/minutes/" + minuteToken;
		// Pushed after the recording's event: the pusher runs one push after another, and this is its current one.
		minuteMade(meeting, minuteToken);
		return MeetingEvents.recordingReady(meeting);
	}

	/**
	 * The minute of a meeting whose recording is ready: its token the one of the recording's URL, its lines what was
	 * said while it was recorded, their times counted from when it was first recorded; read by those who joined.
	 */
	private void minuteMade(StoredMeeting meeting, String minuteToken) {
		Instant recordedFrom = (meeting.firstRecorded != null) ? meeting.firstRecorded : meeting.startTime;
		List<MinuteTexts.Line> lines = meeting.said.stream()
			.filter(StoredMeeting.Utterance::recorded)
			.map((said) -> new MinuteTexts.Line(said.speakerId(), Duration.between(recordedFrom, said.at()), said.text()))
			.toList();
		List<String> readers = new ArrayList<>(List.of(meeting.ownerId));
		meeting.participants.values()
			.stream()
			.filter((participant) -> participant.firstJoin != null && !readers.contains(participant.id))
			.forEach((participant) -> readers.add(participant.id));
		String noteId = meeting.json.path("note_id").asString("");
		this.minutes.made(meeting.tenantKey, minuteToken, meeting.id, meeting.ownerId,
				meeting.json.path("topic").asString(""), meeting.recorded, readers, lines,
				noteId.isEmpty() ? null : noteId, "https://meetings.feishu.cn/minutes/" + minuteToken);
	}

	/** A meeting as the platform returns it behind its reservation: with what was used in it. */
	synchronized ObjectNode view(String meetingId, boolean withParticipants) {
		return this.meetings.get(meetingId).view(this.clock, withParticipants, true);
	}

	/** A meeting, whatever its state, or {@code null}; read and change it under this object's lock. */
	@Nullable StoredMeeting find(String meetingId) {
		return this.meetings.get(meetingId);
	}

	/** Every meeting, whatever its state or tenant; read them under this object's lock. */
	Collection<StoredMeeting> all() {
		return this.meetings.values();
	}

	/** The meetings in progress for the emulator's state: who hosts them, who is in them, whether they record. */
	synchronized ArrayNode state() {
		ArrayNode state = this.replies.mapper().createArrayNode();
		for (StoredMeeting meeting : this.meetings.values()) {
			if (meeting.status != StoredMeeting.IN_PROGRESS) {
				continue;
			}
			ObjectNode entry = state.addObject()
				.put("meetingId", meeting.id)
				.put("tenantKey", meeting.tenantKey)
				.put("hostId", meeting.hostId)
				.put("topic", meeting.json.path("topic").asString(""));
			ArrayNode participants = entry.putArray("participants");
			meeting.participants.forEach((userId, participant) -> {
				if (participant.status == StoredMeeting.IN_MEETING) {
					participants.add(userId);
				}
			});
			entry.put("recording", meeting.recording == RecordingState.RECORDING);
		}
		return state;
	}

	/** Whether a meeting is in progress, for the reservation it was started from. */
	boolean isRunning(String meetingId) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		return meeting != null && meeting.status == StoredMeeting.IN_PROGRESS;
	}

	private StoredMeeting running(String meetingId) {
		StoredMeeting meeting = this.meetings.get(meetingId);
		if (meeting == null || meeting.status != StoredMeeting.IN_PROGRESS) {
			throw new IllegalArgumentException("No meeting " + meetingId + " in progress");
		}
		return meeting;
	}

	/** The id asked for, if no meeting has it, else a new one. */
	private String newMeetingId(@Nullable String asked) {
		if (asked == null) {
			return uniqueMeetingId();
		}
		if (this.meetings.containsKey(asked)) {
			throw new IllegalArgumentException("A meeting " + asked + " exists already");
		}
		return asked;
	}

	private String uniqueMeetingId() {
		String id;
		do {
			id = "69" + this.replies.randomDigits(17);
		}
		while (this.meetings.containsKey(id));
		return id;
	}

	/**
	 * What happened in a tenant's meetings, for the meeting data: a copy of each taken under the lock, in the order
	 * they started.
	 */
	synchronized List<MeetingHistory> history(String tenantKey) {
		List<MeetingHistory> history = new ArrayList<>();
		for (StoredMeeting meeting : this.meetings.values()) {
			if (!meeting.tenantKey.equals(tenantKey)) {
				continue;
			}
			List<Attendance> attendances = new ArrayList<>();
			meeting.participants.forEach((userId, participant) -> {
				if (participant.firstJoin != null) {
					attendances.add(new Attendance(userId, participant.firstJoin, participant.finalLeave,
							participant.inMeeting(this.clock.instant()),
							meeting.endTime != null && meeting.endTime.equals(participant.finalLeave)));
				}
			});
			history.add(new MeetingHistory(meeting.id, meeting.json.path("meeting_no").asString(""),
					meeting.json.path("topic").asString(""), meeting.hostId, meeting.startTime, meeting.endTime,
					meeting.recording != RecordingState.NONE, meeting.usedSharing, List.copyOf(attendances)));
		}
		history.sort(Comparator.comparing(MeetingHistory::start));
		return history;
	}

}
