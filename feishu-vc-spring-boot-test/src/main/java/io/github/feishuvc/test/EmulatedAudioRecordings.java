package io.github.feishuvc.test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.test.Replies.Reply;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.envelope;

/**
 * The users' audio recordings (录音, made on a Feishu recorder, whose source the platform names
 * {@code recording_bean}; not a meeting's cloud recording) and their events ({@code vc-agents-recordings-transcripts.md}
 * §3): a user subscribes (user token) to each {@code vc.recording.*} type by its own call, the body's type required;
 * the test hooks of {@link EmulatorMeetings} start a recording, transcribe what is said into it and end it, and each
 * step pushes its event, naming the recording's owner in {@code subscriber_ids}, if the owner subscribed to that type.
 */
final class EmulatedAudioRecordings implements VcRoutes.Endpoints {

	static final String STARTED = "vc.recording.recording_started_v1";

	static final String TRANSCRIPT = "vc.recording.recording_transcript_generated_v1";

	static final String ENDED = "vc.recording.recording_ended_v1";

	private static final Set<String> TYPES = Set.of(STARTED, TRANSCRIPT, ENDED);

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	/** Subscribed users by tenant and event type. */
	private final EventSubscribers subscribers = new EventSubscribers();

	private final Map<String, Recording> recordings = new ConcurrentHashMap<>();

	EmulatedAudioRecordings(Replies replies, Clock clock, EventSink events) {
		this.replies = replies;
		this.clock = clock;
		this.events = events;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(MeetingApis.RECORDING_SUBSCRIBE, (caller, call) -> subscription(caller, call.body(), true));
		routes.handle(MeetingApis.RECORDING_UNSUBSCRIBE, (caller, call) -> subscription(caller, call.body(), false));
	}

	/** A user starts an audio recording: its unique key. */
	String start(String tenantKey, String userId) {
		Recording recording = new Recording("recording_" + this.replies.randomHex(8), tenantKey, userId);
		this.recordings.put(recording.key, recording);
		push(recording, STARTED, (body) -> {
		});
		return recording.key;
	}

	/** What the owner says into a recording in progress, transcribed as one item. */
	void transcribe(String key, String text) {
		Recording recording = inProgress(key);
		if (text.isBlank()) {
			throw new IllegalArgumentException("Nothing said");
		}
		long now = this.clock.millis();
		int sentence;
		synchronized (recording) {
			sentence = ++recording.sentences;
		}
		push(recording, TRANSCRIPT, (body) -> {
			ObjectNode item = body.putArray("transcript_items").addObject();
			item.putObject("speaker")
				.put("id", recording.ownerId)
				.put("user_type", 1)
				.put("user_role", 1)
				.put("user_name", recording.ownerId);
			item.put("text", text)
				.put("language", "zh_cn")
				.put("start_time_ms", Long.toString(now))
				.put("end_time_ms", Long.toString(now + 1000))
				.put("sentence_id", Integer.toString(sentence));
		});
	}

	/** A recording ends and is uploaded. */
	void end(String key) {
		Recording recording = inProgress(key);
		recording.ended = true;
		push(recording, ENDED, (body) -> {
		});
	}

	private Recording inProgress(String key) {
		Recording recording = this.recordings.get(key);
		if (recording == null || recording.ended) {
			throw new IllegalArgumentException("No audio recording " + key + " in progress");
		}
		return recording;
	}

	private void push(Recording recording, String type, Consumer<ObjectNode> fill) {
		Set<String> subscribed = this.subscribers.of(recording.tenantKey, type);
		if (!subscribed.contains(recording.ownerId)) {
			return;
		}
		ObjectNode event = envelope(type);
		ObjectNode body = ((ObjectNode) event.get("event")).put("unique_key", recording.key)
			.put("source", "recording_bean");
		EmulatedNotes.subscriberIds(body, List.of(recording.ownerId));
		fill.accept(body);
		this.events.pushAndWait(recording.tenantKey, List.of(event));
	}

	/** The body names one of the three types, which the platform requires here (unlike the notes' twin). */
	private Reply subscription(Caller caller, byte[] bytes, boolean subscribe) {
		ObjectNode body = this.replies.parseObject(bytes);
		String asked = (body != null) ? body.path("event_type").asString("") : "";
		if (asked.isEmpty()) {
			return this.replies.paramError();
		}
		if (!TYPES.contains(asked)) {
			return this.replies.error(400, 121003, "param error");
		}
		this.subscribers.set(caller.tenantKey(), asked, caller.userId(), subscribe);
		return this.replies.success(this.replies.object());
	}

	/** One audio recording of a user. */
	private static final class Recording {

		final String key;

		final String tenantKey;

		final String ownerId;

		int sentences;

		volatile boolean ended;

		Recording(String key, String tenantKey, String ownerId) {
			this.key = key;
			this.tenantKey = tenantKey;
			this.ownerId = ownerId;
		}

	}

}
