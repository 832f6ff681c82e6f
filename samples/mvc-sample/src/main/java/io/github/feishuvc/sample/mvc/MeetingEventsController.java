package io.github.feishuvc.sample.mvc;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.event.MeetingEndedEvent;
import io.github.feishuvc.meeting.event.MeetingEvent;

import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the typed meeting events at the starter's own endpoint ({@code /feishu/events}), which a Spring MVC
 * application serves as a WebFlux one does, and shows the last ones at {@code GET /events}. The listeners run on the
 * starter's listener threads ({@code feishu-vc-events-N}), which may block: {@link #on(MeetingEndedEvent)} reads the
 * meeting with {@code block()}, so that the read is part of handling the event (its failure is caught here, and the
 * application waits for it when it stops).
 */
@RestController
class MeetingEventsController {

	/** How many events the page keeps. */
	private static final int KEPT = 100;

	private final Deque<String> received = new ConcurrentLinkedDeque<>();

	private final MeetingOperations meetings;

	MeetingEventsController(MeetingOperations meetings) {
		this.meetings = meetings;
	}

	@EventListener
	void on(MeetingEvent event) {
		record(event.getClass().getSimpleName() + " of meeting " + event.meeting().meetingNo());
	}

	@EventListener
	void on(MeetingEndedEvent event) {
		String meetingId = event.meeting().id();
		if (meetingId == null) {
			return;
		}
		try {
			Meeting meeting = this.meetings.get(meetingId).block();
			record("meeting " + meeting.meetingNo() + " '" + meeting.topic() + "' ended, "
					+ meeting.participantCountAccumulated() + " attended");
		}
		catch (FeishuVcException ex) {
			record("meeting " + event.meeting().meetingNo() + " ended, not readable: " + ex.getMessage());
		}
	}

	/**
	 * The events received, most recent last.
	 * @return what each was
	 */
	@GetMapping("/events")
	List<String> events() {
		return new ArrayList<>(this.received);
	}

	private void record(String description) {
		this.received.addLast(description);
		while (this.received.size() > KEPT) {
			this.received.pollFirst();
		}
	}

}
