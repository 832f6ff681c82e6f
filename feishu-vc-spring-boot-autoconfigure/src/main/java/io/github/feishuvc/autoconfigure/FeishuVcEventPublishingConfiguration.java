package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;

import io.github.feishuvc.agent.event.AgentEventDecoder;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.EventListenerPool;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.events.FeishuEventInbox;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import io.github.feishuvc.meeting.event.AudioRecordingEventDecoder;
import io.github.feishuvc.meeting.event.MeetingEventDecoder;
import io.github.feishuvc.minutes.event.MinuteEventDecoder;
import io.github.feishuvc.note.event.NoteEventDecoder;
import io.github.feishuvc.room.event.RoomEventDecoder;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * How received events are published, whichever way they arrive (the webhook endpoint or the long connection): each
 * id once ({@link PublishedEventIds}, in memory unless shared on Redis, for {@code feishu.vc.events.dedupe-window}),
 * as a {@code FeishuEvent} and typed by every {@link FeishuEventDecoder}, on the executor named
 * {@value #EVENT_EXECUTOR} if the application defines one, else on the starter's {@link EventListenerPool}
 * ({@code feishu.vc.events.listeners.*}): bounded, and drained when the application stops. A
 * {@code feishu.vc.shared-state.timeout} longer than the answer to an event can wait for stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
@Import(FeishuVcEventInboxConfiguration.class)
class FeishuVcEventPublishingConfiguration {

	/** Name of the {@link Executor} bean that listeners run on, if the application defines one. */
	static final String EVENT_EXECUTOR = "feishuVcEventExecutor";

	/**
	 * What the answer to a delivery needs beside its claim of the event id: reading, checking and decrypting the
	 * request before, handing the event over and writing the answer after (milliseconds, but on event loops that other
	 * work shares, and across a pause of the JVM). A fifth of the reply time, as the app ticket's store has.
	 */
	static final Duration REPLY_MARGIN = Duration.ofMillis(500);

	/**
	 * The longest {@code feishu.vc.shared-state.timeout} that leaves a claim on Redis time to fail over to the
	 * instance's own memory before the answer's deadline: 2 seconds.
	 */
	static final Duration MAX_SHARED_STATE_TIMEOUT = FeishuEventReceiver.REPLY_TIMEOUT.minus(REPLY_MARGIN);

	@Bean
	@ConditionalOnMissingBean(PublishedEventIds.class)
	InMemoryPublishedEventIds feishuVcPublishedEventIds(FeishuVcEventsProperties events) {
		return new InMemoryPublishedEventIds(events.getDedupeWindow(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcMeetingEventDecoder")
	MeetingEventDecoder feishuVcMeetingEventDecoder() {
		return new MeetingEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcRoomEventDecoder")
	RoomEventDecoder feishuVcRoomEventDecoder() {
		return new RoomEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcAudioRecordingEventDecoder")
	AudioRecordingEventDecoder feishuVcAudioRecordingEventDecoder() {
		return new AudioRecordingEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcNoteEventDecoder")
	NoteEventDecoder feishuVcNoteEventDecoder() {
		return new NoteEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcMinuteEventDecoder")
	MinuteEventDecoder feishuVcMinuteEventDecoder() {
		return new MinuteEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcAgentEventDecoder")
	AgentEventDecoder feishuVcAgentEventDecoder() {
		return new AgentEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean(name = { EVENT_EXECUTOR, "feishuVcEventListenerPool" })
	EventListenerPool feishuVcEventListenerPool(FeishuVcEventsProperties events) {
		FeishuVcEventsProperties.Listeners listeners = events.getListeners();
		return new EventListenerPool(listeners.getThreads(), listeners.getQueueCapacity(),
				listeners.getShutdownTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	EventDispatcher feishuVcEventDispatcher(PublishedEventIds publishedEventIds, ApplicationEventPublisher publisher,
			BeanFactory beanFactory, ObjectProvider<EventListenerPool> pool, ObjectProvider<FeishuEventDecoder> decoders,
			FeishuVcSharedStateProperties sharedState, FeishuVcEventsProperties events,
			ObjectProvider<FeishuEventInbox> inbox) {
		checkSharedStateTimeout(sharedState);
		checkInbox(sharedState, events);
		Executor listeners = (beanFactory.containsBean(EVENT_EXECUTOR))
				? beanFactory.getBean(EVENT_EXECUTOR, Executor.class) : pool.getObject()::execute;
		return new EventDispatcher(publishedEventIds, publisher::publishEvent, listeners,
				decoders.orderedStream().toList(), events.getAcknowledge(), inbox.getIfAvailable());
	}

	/** The inbox asked for where there is no Redis to keep it on. */
	static void checkInbox(FeishuVcSharedStateProperties sharedState, FeishuVcEventsProperties events) {
		if (Boolean.TRUE.equals(events.getInbox().getEnabled())
				&& sharedState.getType() != FeishuVcProperties.SharedStateType.REDIS) {
			throw new FeishuVcConfigurationException(FeishuVcEventsProperties.PREFIX + ".inbox.enabled is true, but "
					+ "the inbox is a Redis stream and " + FeishuVcSharedStateProperties.PREFIX + ".type is "
					+ sharedState.getType().name().toLowerCase(Locale.ROOT) + ".",
					"Set " + FeishuVcSharedStateProperties.PREFIX + ".type=redis (the inbox is then on by default), or "
							+ "remove " + FeishuVcEventsProperties.PREFIX + ".inbox.enabled.");
		}
	}

	/**
	 * Refuses a Redis timeout the answer to a delivery cannot wait for. Each delivery claims its event id on Redis
	 * before it is answered; a claim slower than the answer's deadline would have every delivery in a slow spell of
	 * Redis answered 503 rather than served from the instance's own memory, as every other operation on Redis is.
	 */
	static void checkSharedStateTimeout(FeishuVcSharedStateProperties sharedState) {
		if (sharedState.getType() == FeishuVcProperties.SharedStateType.REDIS
				&& sharedState.getTimeout().compareTo(MAX_SHARED_STATE_TIMEOUT) > 0) {
			throw new FeishuVcConfigurationException(FeishuVcSharedStateProperties.PREFIX + ".timeout is "
					+ sharedState.getTimeout().toMillis() + "ms, but each event received is answered within "
					+ FeishuEventReceiver.REPLY_TIMEOUT.toMillis() + "ms (the platform's deadline is 3s), and its id "
					+ "is claimed on Redis first: a claim allowed that long leaves no time to answer, so every event "
					+ "arriving while Redis is slow would be refused and pushed again.",
					"Set " + FeishuVcSharedStateProperties.PREFIX + ".timeout to " + MAX_SHARED_STATE_TIMEOUT.toMillis()
							+ "ms or less (the default is 500ms): past it, an operation on Redis falls back on the "
							+ "instance's own memory in time for the answer.");
		}
	}

}
