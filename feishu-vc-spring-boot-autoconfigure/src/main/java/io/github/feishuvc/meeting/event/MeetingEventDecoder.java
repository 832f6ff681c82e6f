package io.github.feishuvc.meeting.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.events.FeishuEventDecoder;
import io.github.feishuvc.internal.TypedEvents;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the twelve {@code vc.meeting.*} events into their {@link MeetingEvent} records. Decoding is as lenient as the
 * API's answers (unknown fields ignored, unknown codes kept raw); an event without an id or a meeting does not decode.
 */
public final class MeetingEventDecoder implements FeishuEventDecoder {

	/** The mapper of the events, with the wire names of their raw codes. */
	static final JsonMapper MAPPER = FeishuVcJson.mapper();

	private static final TypedEvents<Body, MeetingEvent> EVENTS = new TypedEvents<>(Body.class, Map.ofEntries(
			Map.entry(MeetingStartedEvent.TYPE,
					(h, b) -> new MeetingStartedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.operator())),
			Map.entry(MeetingEndedEvent.TYPE,
					(h, b) -> new MeetingEndedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.operator())),
			Map.entry(JoinMeetingEvent.TYPE,
					(h, b) -> new JoinMeetingEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.operator())),
			Map.entry(LeaveMeetingEvent.TYPE,
					(h, b) -> new LeaveMeetingEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.operator(),
							b.leaveReason(), b.leaveUser())),
			Map.entry(RecordingStartedEvent.TYPE,
					(h, b) -> new RecordingStartedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(),
							b.operator())),
			Map.entry(RecordingEndedEvent.TYPE,
					(h, b) -> new RecordingEndedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(),
							b.operator())),
			Map.entry(RecordingReadyEvent.TYPE,
					(h, b) -> new RecordingReadyEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.operator(),
							b.url(), b.duration())),
			Map.entry(ShareStartedEvent.TYPE,
					(h, b) -> new ShareStartedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.operator())),
			Map.entry(ShareEndedEvent.TYPE,
					(h, b) -> new ShareEndedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(), b.operator())),
			Map.entry(AllMeetingStartedEvent.TYPE,
					(h, b) -> new AllMeetingStartedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(),
							b.operator())),
			Map.entry(AllMeetingEndedEvent.TYPE,
					(h, b) -> new AllMeetingEndedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(),
							b.operator())),
			Map.entry(ParticipantMeetingEndedEvent.TYPE,
					(h, b) -> new ParticipantMeetingEndedEvent(h.eventId(), h.tenantKey(), h.createdAt(), b.meeting(),
							b.operator(), b.subscriberIds()))),
			(type) -> type.startsWith("vc.meeting.all_meeting_") ? List.of("vc:meeting.all_meeting:readonly")
					: type.equals(ParticipantMeetingEndedEvent.TYPE) ? List.of("vc:meeting.meetingevent:read")
							: List.of("vc:meeting:readonly", "vc:meeting.meetingevent:read"),
			"a meeting event");

	/**
	 * The types this decoder knows.
	 * @return the event types, such as {@code vc.meeting.meeting_started_v1}
	 */
	public static Set<String> types() {
		return EVENTS.types();
	}

	/**
	 * The scopes of each type, any one of which the app needs for the platform to send it: those of the reserved
	 * meetings' events, or {@code vc:meeting.all_meeting:readonly} for every meeting of the tenant.
	 * @return the scopes by event type
	 */
	public static Map<String, List<String>> scopes() {
		return EVENTS.scopes();
	}

	@Override
	public @Nullable MeetingEvent decode(FeishuEvent event) {
		return EVENTS.decode(event, (body) -> body.meeting() != null);
	}

	@Override
	public String toString() {
		return "MeetingEventDecoder[" + EVENTS.types().size() + " types]";
	}

	/** The body of a meeting event: what the types share, and what some add. */
	record Body(@Nullable EventMeeting meeting, @Nullable EventUser operator, @Nullable Integer leaveReason,
			@Nullable EventUser leaveUser, @Nullable String url, @Nullable List<EventUserIds> subscriberIds,
			@JsonDeserialize(using = FeishuVcJson.MillisecondsDeserializer.class) @Nullable Duration duration) {
	}

}
