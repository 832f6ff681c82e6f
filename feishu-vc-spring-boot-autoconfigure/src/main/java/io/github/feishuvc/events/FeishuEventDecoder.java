package io.github.feishuvc.events;

import org.jspecify.annotations.Nullable;

/**
 * Turns the events of one family into their typed form, such as the meeting events into
 * {@link io.github.feishuvc.meeting.event.MeetingEvent}s. The {@link EventDispatcher} publishes each event as a
 * {@link FeishuEvent} and then, if a decoder knows its type, in its typed form too.
 */
@FunctionalInterface
public interface FeishuEventDecoder {

	/**
	 * The typed form of an event.
	 * @param event the event, authenticated
	 * @return the typed event, or {@code null} if its type is not this decoder's
	 * @throws RuntimeException if the event is of this decoder's type but does not decode; it is then published as a
	 * {@link FeishuEvent} only
	 */
	@Nullable Object decode(FeishuEvent event);

}
