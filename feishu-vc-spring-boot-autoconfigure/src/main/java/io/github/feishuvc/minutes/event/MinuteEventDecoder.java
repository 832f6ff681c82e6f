package io.github.feishuvc.minutes.event;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.internal.TypedEvents;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code minutes.minute.generated_v1} into its {@link MinuteEvent} record, as leniently as the API's answers;
 * an event without an id or a minute token does not decode. The event's page was not seen: its scope is the one the
 * platform's CLI asks for, {@code minutes:minutes.basic:read}.
 */
public final class MinuteEventDecoder implements FeishuEventDecoder {

	private static final TypedEvents<Body, MinuteEvent> EVENTS = new TypedEvents<>(Body.class,
			Map.of(MinuteGeneratedEvent.TYPE,
					(h, b) -> new MinuteGeneratedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.minuteToken(),
							b.minuteSource(), b.subscriberIds())),
			(type) -> List.of("minutes:minutes.basic:read"), "a minutes event");

	/**
	 * The types this decoder knows.
	 * @return the event types
	 */
	public static Set<String> types() {
		return EVENTS.types();
	}

	/**
	 * The scopes of each type, any one of which the app needs for the platform to send it.
	 * @return the scopes by event type
	 */
	public static Map<String, List<String>> scopes() {
		return EVENTS.scopes();
	}

	@Override
	public @Nullable MinuteEvent decode(FeishuEvent event) {
		return EVENTS.decode(event, (body) -> body.minuteToken() != null && !body.minuteToken().isBlank());
	}

	@Override
	public String toString() {
		return "MinuteEventDecoder[" + EVENTS.types().size() + " types]";
	}

	/** The body of a minutes event. */
	record Body(@Nullable String minuteToken, MinuteGeneratedEvent.@Nullable Source minuteSource,
			@Nullable List<MinuteUserIds> subscriberIds) {
	}

}
