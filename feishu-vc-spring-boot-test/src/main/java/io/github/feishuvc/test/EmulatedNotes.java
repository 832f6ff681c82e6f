package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.internal.NoteApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.envelope;
import static io.github.feishuvc.test.EmulatedJson.userIds;

/**
 * The AI notes and the users' event subscriptions ({@code vc-search-notes-bots.md} §4, §5, §7): a user subscribes
 * (user token) to {@code vc.meeting.participant_meeting_ended_v1} or {@code vc.note.generated_v1}; when a meeting
 * ends, its note is generated after {@link FeishuVcEmulator.Builder#noteGenerationTime}, and its detail can be read a
 * {@link FeishuVcEmulator.Builder#noteDetailLag} later (a {@code 121004} until then, as the platform's own CLI
 * expects), by the users who joined the meeting only ({@code 121005} for anyone else). A note is normal
 * ({@code note_display_type} 1) unless the test made its meeting's note unified (2), whose transcript
 * {@link EmulatedTranscripts} serves.
 */
final class EmulatedNotes implements VcRoutes.Endpoints {

	static final String PARTICIPANT_MEETING_ENDED = "vc.meeting.participant_meeting_ended_v1";

	static final String NOTE_GENERATED = "vc.note.generated_v1";

	/** {@code note_display_type} of a note with a separate verbatim document. */
	static final int NORMAL = 1;

	/** {@code note_display_type} of a unified note, whose transcript {@code unified_note_transcript} reads. */
	static final int UNIFIED = 2;

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	private final Duration generationTime;

	private final Duration detailLag;

	/** Subscribed users by tenant and event type. */
	private final EventSubscribers subscribers = new EventSubscribers();

	private final Map<String, StoredNote> notes = new ConcurrentHashMap<>();

	/** The meetings whose note, once they end, is a unified one (三合一纪要, {@code note_display_type} 2). */
	private final Set<String> unifiedMeetings = ConcurrentHashMap.newKeySet();

	EmulatedNotes(Replies replies, Clock clock, EventSink events, Duration generationTime, Duration detailLag) {
		this.replies = replies;
		this.clock = clock;
		this.events = events;
		this.generationTime = generationTime;
		this.detailLag = detailLag;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(MeetingApis.SUBSCRIBE,
				(caller, call) -> subscription(caller, call.body(), PARTICIPANT_MEETING_ENDED, true));
		routes.handle(MeetingApis.UNSUBSCRIBE,
				(caller, call) -> subscription(caller, call.body(), PARTICIPANT_MEETING_ENDED, false));
		routes.handle(NoteApis.SUBSCRIBE, (caller, call) -> subscription(caller, call.body(), NOTE_GENERATED, true));
		routes.handle(NoteApis.UNSUBSCRIBE, (caller, call) -> subscription(caller, call.body(), NOTE_GENERATED, false));
		routes.handle(NoteApis.GET, (caller, call) -> get(caller, call.path("note_id")));
	}

	/** The users of a tenant subscribed to an event type, among some users. */
	List<String> subscribedAmong(String tenantKey, String eventType, List<String> users) {
		Set<String> subscribed = this.subscribers.of(tenantKey, eventType);
		return users.stream().filter(subscribed::contains).toList();
	}

	/**
	 * A meeting ended: its note is generated after the generation time, then {@code vc.note.generated_v1} goes to the
	 * attendees subscribed then.
	 * @return the note's id
	 */
	String meetingEnded(String tenantKey, String meetingId, String hostId, List<String> attendees) {
		String noteId = this.replies.randomDigits(19);
		StoredNote note = new StoredNote(noteId, tenantKey, hostId, meetingId, List.copyOf(attendees),
				"doxcn" + this.replies.randomHex(11), "doxcn" + this.replies.randomHex(11),
				this.unifiedMeetings.contains(meetingId) ? UNIFIED : NORMAL);
		this.notes.put(noteId, note);
		this.events.pushLater(tenantKey, this.generationTime, () -> {
			note.generatedAt = this.clock.instant();
			List<String> subscribed = subscribedAmong(tenantKey, NOTE_GENERATED, note.readers);
			if (subscribed.isEmpty()) {
				return null;
			}
			ObjectNode event = envelope(NOTE_GENERATED);
			ObjectNode body = ((ObjectNode) event.get("event")).put("note_id", noteId);
			subscriberIds(body, subscribed);
			return event;
		});
		return noteId;
	}

	/** A meeting's note, once it ends, will be a unified one. */
	void makeUnified(String meetingId) {
		this.unifiedMeetings.add(meetingId);
	}

	/** A note the caller may read, or {@code null} with the refusal in {@code refusal[0]}. */
	@Nullable StoredNote readable(Caller caller, String noteId, Reply[] refusal) {
		StoredNote note = this.notes.get(noteId);
		Instant generated = (note != null && note.tenantKey.equals(caller.tenantKey())) ? note.generatedAt : null;
		if (generated == null || this.clock.instant().isBefore(generated.plus(this.detailLag))) {
			refusal[0] = this.replies.error(404, 121004, "data not exist");
			return null;
		}
		if (!note.readers.contains(caller.userId())) {
			refusal[0] = this.replies.error(403, 121005, "no permission");
			return null;
		}
		return note;
	}

	/** The id of a meeting's note, once it ended. */
	Optional<String> noteOf(String meetingId) {
		return this.notes.values().stream().filter((note) -> note.meetingId.equals(meetingId)).map((note) -> note.id)
			.findFirst();
	}

	/** {@code subscriber_ids} of an event: the three ids of each user. */
	static void subscriberIds(ObjectNode body, List<String> users) {
		ArrayNode ids = body.putArray("subscriber_ids");
		users.forEach((user) -> ids.add(userIds(user)));
	}

	private Reply subscription(Caller caller, byte[] bytes, String eventType, boolean subscribe) {
		ObjectNode body = this.replies.parseObject(bytes);
		String asked = (body != null) ? body.path("event_type").asString("") : "";
		if (!asked.isEmpty() && !asked.equals(eventType)) {
			return this.replies.error(400, 121003, "param error");
		}
		this.subscribers.set(caller.tenantKey(), eventType, caller.userId(), subscribe);
		return this.replies.success(this.replies.object());
	}

	private Reply get(Caller caller, String noteId) {
		Reply[] refusal = new Reply[1];
		StoredNote note = readable(caller, noteId, refusal);
		if (note == null) {
			return refusal[0];
		}
		Instant generated = note.generatedAt;
		String created = Long.toString(generated.getEpochSecond());
		ObjectNode view = this.replies.object().put("creator_id", note.creatorId).put("create_time", created);
		ArrayNode artifacts = view.putArray("artifacts");
		artifacts.addObject().put("artifact_type", 1).put("create_time", created).put("doc_token", note.noteDoc);
		artifacts.addObject().put("artifact_type", 2).put("create_time", created).put("doc_token", note.verbatimDoc);
		view.putArray("references");
		view.putObject("note_source").put("source_type", "meeting").put("source_entity_id", note.meetingId);
		view.put("note_display_type", note.displayType);
		ObjectNode data = this.replies.object();
		data.set("note", view);
		return this.replies.success(data);
	}

	/** A meeting's note: who may read it, and once generated, when. */
	static final class StoredNote {

		final String id;

		final String tenantKey;

		final String creatorId;

		final String meetingId;

		final List<String> readers;

		final String noteDoc;

		final String verbatimDoc;

		final int displayType;

		volatile @Nullable Instant generatedAt;

		StoredNote(String id, String tenantKey, String creatorId, String meetingId, List<String> readers,
				String noteDoc, String verbatimDoc, int displayType) {
			this.id = id;
			this.tenantKey = tenantKey;
			this.creatorId = creatorId;
			this.meetingId = meetingId;
			this.readers = readers;
			this.noteDoc = noteDoc;
			this.verbatimDoc = verbatimDoc;
			this.displayType = displayType;
		}

	}

}
