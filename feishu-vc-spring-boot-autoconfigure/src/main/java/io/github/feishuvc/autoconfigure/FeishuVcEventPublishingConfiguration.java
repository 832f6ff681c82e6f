package io.github.feishuvc.autoconfigure;

import java.util.List;
import java.util.concurrent.Executor;

import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.PublishedEventIds;
import io.github.feishuvc.meeting.event.MeetingEventDecoder;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How received events are published, whichever way they arrive (the webhook endpoint or the long connection): each
 * id once ({@link PublishedEventIds}, in memory unless shared on Redis), as a {@code FeishuEvent} and typed by every
 * {@link FeishuEventDecoder}, on the executor named {@value #EVENT_EXECUTOR} if the application defines one, else on
 * Boot's {@code applicationTaskExecutor}, else on Reactor's bounded elastic scheduler.
 */
@Configuration(proxyBeanMethods = false)
class FeishuVcEventPublishingConfiguration {

	/** Name of the {@link Executor} bean that listeners run on, if the application defines one. */
	static final String EVENT_EXECUTOR = "feishuVcEventExecutor";

	private static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	@Bean
	@ConditionalOnMissingBean(PublishedEventIds.class)
	InMemoryPublishedEventIds feishuVcPublishedEventIds() {
		return new InMemoryPublishedEventIds();
	}

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcMeetingEventDecoder")
	MeetingEventDecoder feishuVcMeetingEventDecoder() {
		return new MeetingEventDecoder();
	}

	@Bean
	@ConditionalOnMissingBean
	EventDispatcher feishuVcEventDispatcher(PublishedEventIds publishedEventIds, ApplicationEventPublisher publisher,
			BeanFactory beanFactory, ObjectProvider<FeishuEventDecoder> decoders) {
		return new EventDispatcher(publishedEventIds, publisher::publishEvent, listenerExecutor(beanFactory),
				decoders.orderedStream().toList());
	}

	private static Executor listenerExecutor(BeanFactory beanFactory) {
		for (String name : List.of(EVENT_EXECUTOR, APPLICATION_TASK_EXECUTOR)) {
			if (beanFactory.containsBean(name) && beanFactory.isTypeMatch(name, Executor.class)) {
				return beanFactory.getBean(name, Executor.class);
			}
		}
		return Schedulers.boundedElastic()::schedule;
	}

}
