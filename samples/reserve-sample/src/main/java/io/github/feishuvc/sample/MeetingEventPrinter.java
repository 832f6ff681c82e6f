package io.github.feishuvc.sample;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.meeting.event.EventUser;
import io.github.feishuvc.meeting.event.LeaveMeetingEvent;
import io.github.feishuvc.meeting.event.MeetingEvent;
import io.github.feishuvc.meeting.event.RecordingReadyEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints the typed meeting events as the starter publishes them: one listener for every kind
 * ({@link MeetingEvent}), and listeners of their own for the events with more to say. An event names the meeting by
 * its number too, which is how it is matched with the reservation that made the meeting.
 */
@Component
class MeetingEventPrinter {

	private final Map<String, CompletableFuture<RecordingReadyEvent>> recordings = new ConcurrentHashMap<>();

	@EventListener
	void on(MeetingEvent event) {
		if (!(event instanceof LeaveMeetingEvent) && !(event instanceof RecordingReadyEvent)) {
			System.out.println("  event: " + event.getClass().getSimpleName() + " of meeting "
					+ event.meeting().meetingNo() + by(event.operator()));
		}
	}

	@EventListener
	void on(LeaveMeetingEvent event) {
		System.out.println("  event: LeaveMeetingEvent of meeting " + event.meeting().meetingNo() + ", "
				+ id(event.leaveUser()) + " left (" + event.leaveReason() + ")");
	}

	@EventListener
	void on(RecordingReadyEvent event) {
		System.out.println("  event: RecordingReadyEvent of meeting " + event.meeting().meetingNo() + ", "
				+ event.duration() + " at " + event.url());
		recordingReady(event.meeting().id()).complete(event);
	}

	/**
	 * The recording-ready event of a meeting, once it arrived.
	 * @param meetingId the meeting's id
	 * @return the event to come
	 */
	CompletableFuture<RecordingReadyEvent> recordingReady(@Nullable String meetingId) {
		return this.recordings.computeIfAbsent(String.valueOf(meetingId), (id) -> new CompletableFuture<>());
	}

	private static String by(@Nullable EventUser operator) {
		return (operator != null) ? ", by " + id(operator) : "";
	}

	private static @Nullable String id(@Nullable EventUser user) {
		return (user != null && user.id() != null) ? user.id().openId() : null;
	}

}
