package io.github.feishuvc.starter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.meeting.event.MeetingEvent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The application the starter's tests start, as a user's would be: nothing but the starter's beans and a listener.
 */
@SpringBootApplication
class TestApplication {

	@Bean
	MeetingEvents meetingEvents() {
		return new MeetingEvents();
	}

	/** The typed meeting events the application received. */
	static class MeetingEvents {

		final List<MeetingEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(MeetingEvent event) {
			this.received.add(event);
		}

	}

}
