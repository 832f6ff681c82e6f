package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.EventListenerPool;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.meeting.event.MeetingEventDecoder;
import io.github.feishuvc.note.event.NoteEventDecoder;
import io.github.feishuvc.room.event.RoomEventDecoder;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How received events are published, whichever way they arrive (the webhook endpoint or the long connection): each
 * id once ({@link PublishedEventIds}, in memory unless shared on Redis, for {@code feishu.vc.events.dedupe-window}),
 * as a {@code FeishuEvent} and typed by every {@link FeishuEventDecoder}, on the executor named
 * {@value #EVENT_EXECUTOR} if the application defines one, else on the starter's {@link EventListenerPool}
 * ({@code feishu.vc.events.listeners.*}): bounded, and drained when the application stops.
 */
@Configuration(proxyBeanMethods = false)
class FeishuVcEventPublishingConfiguration {

	/** Name of the {@link Executor} bean that listeners run on, if the application defines one. */
	static final String EVENT_EXECUTOR = "feishuVcEventExecutor";

	@Bean
	@ConditionalOnMissingBean(PublishedEventIds.class)
	InMemoryPublishedEventIds feishuVcPublishedEventIds(FeishuVcProperties properties) {
		return new InMemoryPublishedEventIds(properties.getEvents().getDedupeWindow(), Clock.systemUTC());
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
	@ConditionalOnMissingBean(name = "feishuVcNoteEventDecoder")
	NoteEventDecoder feishuVcNoteEventDecoder() {
		return new NoteEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean(name = { EVENT_EXECUTOR, "feishuVcEventListenerPool" })
	EventListenerPool feishuVcEventListenerPool(FeishuVcProperties properties) {
		FeishuVcProperties.Events.Listeners listeners = properties.getEvents().getListeners();
		return new EventListenerPool(listeners.getThreads(), listeners.getQueueCapacity(),
				listeners.getShutdownTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	EventDispatcher feishuVcEventDispatcher(PublishedEventIds publishedEventIds, ApplicationEventPublisher publisher,
			BeanFactory beanFactory, ObjectProvider<EventListenerPool> pool, ObjectProvider<FeishuEventDecoder> decoders) {
		Executor listeners = (beanFactory.containsBean(EVENT_EXECUTOR))
				? beanFactory.getBean(EVENT_EXECUTOR, Executor.class) : pool.getObject()::execute;
		return new EventDispatcher(publishedEventIds, publisher::publishEvent, listeners,
				decoders.orderedStream().toList());
	}

}
