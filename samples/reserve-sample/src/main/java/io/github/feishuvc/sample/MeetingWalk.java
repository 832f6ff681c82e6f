package io.github.feishuvc.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.feishuvc.events.FeishuEventInbox;
import io.github.feishuvc.events.longconnection.FeishuLongConnection;
import io.github.feishuvc.events.longconnection.LongConnectionState;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.MeetingParticipant;
import io.github.feishuvc.meeting.MeetingQuery;
import io.github.feishuvc.meeting.Recording;
import io.github.feishuvc.meeting.RecordingOperations;
import io.github.feishuvc.minutes.MinuteLinks;
import io.github.feishuvc.minutes.MinuteOperations;
import io.github.feishuvc.minutes.MinuteStatistics;
import io.github.feishuvc.minutes.TranscriptExport;
import io.github.feishuvc.minutes.TranscriptFormat;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.FeishuVcEmulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Offline only, after {@link ReservePrinter}: reserves a meeting, lets the emulator hold it (people join and leave, it
 * is recorded, it ends) while {@link MeetingEventPrinter} prints the events the sample receives (at its own endpoint,
 * or with {@code --feishu.vc.events.mode=long-connection} over the long connection it opens), then
 * reads the meeting with its attendance, the recording, and the recording's minute (the first lines of its transcript,
 * made of what people said, and its statistics). Against the real platform, people hold the meeting and the
 * same listeners print what happens.
 */
@Component
@Profile("!web & !store & !login")
@Order(2)
class MeetingWalk implements ApplicationRunner {

	private final ReserveOperations reserves;

	private final MeetingOperations meetings;

	private final RecordingOperations recordings;

	private final MinuteOperations minutes;

	private final MeetingEventPrinter events;

	private final ObjectProvider<FeishuVcEmulator> emulator;

	private final ObjectProvider<FeishuLongConnection> longConnection;

	private final ObjectProvider<FeishuEventInbox> inbox;

	private final String ownerId;

	MeetingWalk(ReserveOperations reserves, MeetingOperations meetings, RecordingOperations recordings,
			MinuteOperations minutes, MeetingEventPrinter events, ObjectProvider<FeishuVcEmulator> emulator,
			ObjectProvider<FeishuLongConnection> longConnection, ObjectProvider<FeishuEventInbox> inbox,
			@Value("${sample.owner-id:}") String ownerId) {
		this.reserves = reserves;
		this.meetings = meetings;
		this.recordings = recordings;
		this.minutes = minutes;
		this.events = events;
		this.emulator = emulator;
		this.longConnection = longConnection;
		this.inbox = inbox;
		this.ownerId = ownerId;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		FeishuVcEmulator emulator = this.emulator.getIfAvailable();
		if (emulator == null || this.ownerId.isBlank()) {
			return;
		}
		FeishuLongConnection longConnection = this.longConnection.getIfAvailable();
		if (longConnection != null) {
			// With feishu.vc.events.mode=long-connection the events come down the connection the application opens as
			// it starts: hold the meeting once it is open.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (longConnection.state().status() != LongConnectionState.Status.CONNECTED
					&& System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}
		Reserve reserve = this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId(this.ownerId)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Sample design review").build())
			.build()).block().reserve();
		System.out.println();
		System.out.println("Meeting of reservation " + reserve.id() + " (meeting number " + reserve.meetingNo() + "):");

		String meetingId = emulator.meetings().start(reserve.id());
		emulator.meetings().join(meetingId, "ou_sample_alice");
		emulator.meetings().join(meetingId, "ou_sample_bob");
		emulator.meetings().startRecording(meetingId);
		emulator.meetings().say(meetingId, this.ownerId, "Welcome: today we review the new design.");
		emulator.meetings().say(meetingId, "ou_sample_alice", "I will share the mock-ups.");
		emulator.meetings().say(meetingId, "ou_sample_bob", "The search page needs a second look.");
		emulator.meetings().startSharing(meetingId, "ou_sample_alice");
		emulator.meetings().stopSharing(meetingId);
		emulator.meetings().leave(meetingId, "ou_sample_bob");
		emulator.meetings().end(reserve.id());
		this.events.recordingReady(meetingId).get(30, TimeUnit.SECONDS);
		FeishuEventInbox inbox = this.inbox.getIfAvailable();
		if (inbox != null) {
			// With the inbox profile each event went through a Redis stream before the sample's endpoint answered.
			System.out.println("  inbox on Redis: " + inbox.pending().block() + " event(s) pending, "
					+ inbox.deadLetters().count().block() + " dead letter(s)");
		}

		Meeting meeting = this.meetings.get(meetingId, MeetingQuery.participants()).block();
		System.out.println("  meeting " + meeting.id() + " '" + meeting.topic() + "': " + meeting.status() + ", "
				+ meeting.startTime() + " to " + meeting.endTime() + ", " + meeting.participantCountAccumulated()
				+ " attended");
		for (MeetingParticipant participant : meeting.participants()) {
			System.out.println("    " + participant.id() + (Boolean.TRUE.equals(participant.isHost()) ? " (host)" : "")
					+ ": joined " + participant.firstJoinTime() + ", left " + participant.finalLeaveTime() + ", in for "
					+ participant.inMeetingDuration());
		}
		Recording recording = this.recordings.get(meetingId).block();
		System.out.println("  recording: " + recording.url() + " (" + recording.duration() + ")");

		// The recording's link is its minute's (妙记): what was said, as the platform transcribed it, and who read it.
		String minuteToken = MinuteLinks.token(recording.url());
		Path transcript = this.minutes
			.transcriptTo(minuteToken, TranscriptExport.of(TranscriptFormat.TXT).withSpeakers(true),
					Files.createTempFile("sample-transcript", ".txt"))
			.block();
		System.out.println("  minute " + minuteToken + ", its transcript begins:");
		try (Stream<String> lines = Files.lines(transcript)) {
			lines.filter((line) -> !line.isBlank()).limit(4).forEach((line) -> System.out.println("    " + line));
		}
		finally {
			Files.deleteIfExists(transcript);
		}
		MinuteStatistics statistics = this.minutes.statistics(minuteToken).block();
		System.out.println("  minute statistics: " + statistics.userViewCount() + " viewers, "
				+ statistics.pageViewCount() + " views");
	}

}
