package io.github.feishuvc.meeting.event;

import java.time.Instant;

import io.github.feishuvc.events.FeishuEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AudioRecordingEventDecoder} on the Node SDK's shapes and on the platform's CLI's fixtures, which differ: a
 * speaker's id a string or an object of ids, times and sentence ids strings or numbers, subscribers objects or plain
 * ids, the ended event's unstable {@code object_type} and {@code object_id}.
 */
class AudioRecordingEventDecoderTests {

	private final AudioRecordingEventDecoder decoder = new AudioRecordingEventDecoder();

	@Test
	void shouldDecodeTheCliFixtureOfATranscriptWhoseSpeakerIdIsAnObject() {
		AudioRecordingEvent event = decode(AudioRecordingTranscriptEvent.TYPE, """
				{"unique_key": "recording_001", "source": "recording_bean",
				 "transcript_items": [{"speaker": {"id": {"open_id": "ou_0f8b", "union_id": "on_bc03", "user_id": null},
				   "user_type": 100, "user_role": 1, "user_name": "Alice"},
				  "text": "hello world", "language": "en_us", "start_time_ms": "1761782399000",
				  "end_time_ms": 1761782400000, "sentence_id": 987654321}]}""");

		assertThat(event).isInstanceOfSatisfying(AudioRecordingTranscriptEvent.class, (transcript) -> {
			assertThat(transcript.eventId()).isEqualTo("ev_rec_001");
			assertThat(transcript.createTime()).isEqualTo(Instant.ofEpochMilli(1761782400100L));
			assertThat(transcript.uniqueKey()).isEqualTo("recording_001");
			assertThat(transcript.source()).isEqualTo(AudioRecordingEvent.RECORDING_BEAN);
			assertThat(transcript.subscriberIds()).isEmpty();
			AudioTranscriptItem item = transcript.transcriptItems().get(0);
			assertThat(item.speaker()).isEqualTo(new AudioTranscriptItem.Speaker("ou_0f8b", 100, 1, "Alice"));
			assertThat(item.text()).isEqualTo("hello world");
			assertThat(item.language()).isEqualTo("en_us");
			assertThat(item.startTime()).isEqualTo(Instant.ofEpochMilli(1761782399000L));
			assertThat(item.endTime()).isEqualTo(Instant.ofEpochMilli(1761782400000L));
			assertThat(item.sentenceId()).isEqualTo("987654321");
		});
	}

	@Test
	void shouldDecodeTheNodeSdksShapesAndTheEndedEventsObject() {
		AudioRecordingEvent started = decode(AudioRecordingStartedEvent.TYPE, """
				{"unique_key": "k1", "source": "recording_bean",
				 "subscriber_ids": [{"union_id": "on_1", "user_id": "u1", "open_id": "ou_1"}, "ou_2"]}""");
		assertThat(started).isInstanceOf(AudioRecordingStartedEvent.class);
		assertThat(started.subscriberIds()).containsExactly(new EventUserIds("on_1", "u1", "ou_1"),
				new EventUserIds(null, null, "ou_2"));

		AudioRecordingEvent ended = decode(AudioRecordingEndedEvent.TYPE, """
				{"unique_key": "k1", "source": "software_recording", "object_type": "minutes",
				 "object_id": "minute_token_001"}""");
		assertThat(ended).isInstanceOfSatisfying(AudioRecordingEndedEvent.class, (end) -> {
			assertThat(end.source()).as("another source is kept, not dropped").isEqualTo("software_recording");
			assertThat(end.objectType()).isEqualTo("minutes");
			assertThat(end.objectId()).isEqualTo("minute_token_001");
		});

		AudioRecordingEvent transcript = decode(AudioRecordingTranscriptEvent.TYPE, """
				{"unique_key": "k1", "transcript_items": [{"speaker": {"id": "ou_1", "user_type": 1},
				  "text": "hi", "start_time_ms": "not a time"}, {"text": null}]}""");
		assertThat(((AudioRecordingTranscriptEvent) transcript).transcriptItems()).satisfiesExactly((first) -> {
			assertThat(first.speaker().id()).isEqualTo("ou_1");
			assertThat(first.startTime()).isNull();
		}, (second) -> {
			assertThat(second.speaker()).isNull();
			assertThat(second.text()).isEmpty();
		});
	}

	@Test
	void shouldRefuseAnEventWithoutItsRecordingAndIgnoreOtherTypes() {
		assertThatIllegalArgumentException().isThrownBy(() -> decode(AudioRecordingEndedEvent.TYPE, "{\"source\": \"x\"}"));
		assertThat(decode("vc.meeting.recording_ended_v1", "{\"unique_key\": \"k1\"}")).isNull();
		assertThat(AudioRecordingEventDecoder.scopes()).containsOnlyKeys(AudioRecordingStartedEvent.TYPE,
				AudioRecordingTranscriptEvent.TYPE, AudioRecordingEndedEvent.TYPE);
	}

	private AudioRecordingEvent decode(String type, String body) {
		String json = """
				{"schema": "2.0",
				 "header": {"event_id": "ev_rec_001", "event_type": "%s", "create_time": "1761782400100",
				   "app_id": "cli_9f5343c580712544", "tenant_key": "2ca1d211f64f6438"},
				 "event": %s}
				""".formatted(type, body);
		return this.decoder.decode(new FeishuEvent(type, "ev_rec_001", "2ca1d211f64f6438", "cli_9f5343c580712544",
				json));
	}

}
