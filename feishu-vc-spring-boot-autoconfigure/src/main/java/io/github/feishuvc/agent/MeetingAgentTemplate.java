package io.github.feishuvc.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.AgentApis;
import io.github.feishuvc.internal.AgentRequests.CountdownBody;
import io.github.feishuvc.internal.AgentRequests.JoinBody;
import io.github.feishuvc.internal.AgentRequests.JoinIdentify;
import io.github.feishuvc.internal.AgentRequests.LeaveBody;
import io.github.feishuvc.internal.AgentRequests.MessageBody;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.Violations;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link MeetingAgentOperations} over a {@link FeishuVcExecutor}, as the declarations ({@link AgentApis}) say; checks
 * every input before anything is sent. Immutable and thread safe; {@link #withUserIdType}, {@link #forTenant} and
 * {@link #withUserAccessToken} return views.
 */
final class MeetingAgentTemplate extends FeishuTemplate<MeetingAgentOperations> implements MeetingAgentOperations {

	/** The longest countdown the platform sets. */
	static final Duration LONGEST_COUNTDOWN = Duration.ofHours(24);

	private static final Pattern MEETING_NO = Pattern.compile("\\d{9}");

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	MeetingAgentTemplate(FeishuApiCaller caller) {
		super(caller);
	}

	@Override
	protected MeetingAgentOperations with(FeishuApiCaller caller) {
		return new MeetingAgentTemplate(caller);
	}

	@Override
	public Mono<AgentJoin> join(AgentJoinRequest request) {
		Violations violations = new Violations("AgentJoinRequest");
		violations.addIf(request.meetingNo() == null || !MEETING_NO.matcher(request.meetingNo()).matches(),
				"meetingNo must be the meeting's 9-digit number");
		violations.addIf(blankIfGiven(request.password()), "password must not be blank");
		violations.addIf(blankIfGiven(request.callId()), "callId must not be blank");
		violations.throwIfAny();
		return this.caller.call(AgentApis.JOIN, Params.path()
			.body(new JoinBody(1, new JoinIdentify(request.meetingNo()), request.password(), request.callId())));
	}

	@Override
	public Mono<AgentUser> leave(String meetingId) {
		Violations violations = new Violations("leave");
		checkMeetingId(violations, meetingId);
		violations.throwIfAny();
		return this.caller.call(AgentApis.LEAVE, Params.path().body(new LeaveBody(meetingId)));
	}

	@Override
	public Mono<String> sendMessage(AgentMessage message) {
		Violations violations = new Violations("AgentMessage");
		checkMeetingId(violations, message.meetingId());
		String type = message.msgType();
		violations.addIf(!AgentMessage.TEXT.equals(type) && !AgentMessage.REACTION.equals(type),
				"msgType must be text or reaction");
		violations.addIf(message.content() == null || message.content().isBlank(), "content must not be blank");
		violations.addIf(blankIfGiven(message.uuid()), "uuid must not be blank");
		violations.throwIfAny();
		return this.caller.call(AgentApis.MESSAGE, Params.path()
			.body(new MessageBody(message.meetingId(), message.msgType(), message.content(), message.uuid())));
	}

	@Override
	public Mono<Void> countdown(AgentCountdown countdown) {
		Violations violations = new Violations("AgentCountdown");
		checkMeetingId(violations, countdown.meetingId());
		violations.addIf(countdown.action() == null, "action must not be null");
		AgentCountdown.Action action = countdown.action();
		boolean timed = action == AgentCountdown.Action.SET || action == AgentCountdown.Action.PROLONG;
		Duration duration = countdown.duration();
		if (timed) {
			violations.addIf(!wholePositiveMinutes(duration), "duration must be a positive whole number of minutes");
			violations.addIf(action == AgentCountdown.Action.SET && duration != null
					&& duration.compareTo(LONGEST_COUNTDOWN) > 0, "duration must be at most 24 hours");
		}
		else {
			violations.addIf(duration != null, "duration is for set and prolong only");
		}
		boolean set = action == AgentCountdown.Action.SET;
		violations.addIf(!set && countdown.playAudioAtEnd() != null, "playAudioAtEnd is for set only");
		Duration reminder = countdown.reminderBeforeEnd();
		if (reminder != null) {
			violations.addIf(!set, "reminderBeforeEnd is for set only");
			violations.addIf(!wholePositiveMinutes(reminder)
					|| (duration != null && reminder.compareTo(duration) >= 0),
					"reminderBeforeEnd must be a positive whole number of minutes, shorter than duration");
		}
		violations.throwIfAny();
		CountdownBody body = new CountdownBody(countdown.meetingId(), action.wire(), minutes(duration),
				countdown.playAudioAtEnd(), minutes(reminder));
		return this.caller.call(AgentApis.COUNTDOWN, Params.path().body(body)).then();
	}

	@Override
	public Flux<AgentMeetingEvent> events(String meetingId, @Nullable Instant from, @Nullable Instant to) {
		Violations violations = new Violations("events");
		checkMeetingId(violations, meetingId);
		violations.addIf(from != null && to != null && to.isBefore(from), "to must not be before from");
		violations.throwIfAny();
		return this.caller.pages(AgentApis.EVENTS, Params.path()
			.query("meeting_id", meetingId)
			.query("start_time", (from != null) ? from.getEpochSecond() : null)
			.query("end_time", (to != null) ? to.getEpochSecond() : null));
	}

	@Override
	public Mono<List<ActiveMeeting>> activeMeetings(String userId) {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId must not be blank");
		}
		return this.caller.call(AgentApis.USER_ACTIVE_MEETINGS, Params.path().query("user_id", userId));
	}

	@Override
	public Mono<List<ActiveMeeting>> activeMeetings() {
		if (!this.caller.actsAsUser()) {
			throw new IllegalStateException("The app must name the user whose active meetings it lists: call "
					+ "activeMeetings(userId), or withUserAccessToken(...) first");
		}
		return this.caller.call(AgentApis.USER_ACTIVE_MEETINGS, Params.path());
	}

	/** A meeting's long id: a 9-digit value is the meeting's number, which only join takes. */
	private static void checkMeetingId(Violations violations, @Nullable String meetingId) {
		if (meetingId == null || !DIGITS.matcher(meetingId).matches()) {
			violations.add("meetingId must be the meeting's id (digits)");
		}
		else if (MEETING_NO.matcher(meetingId).matches()) {
			violations.add("meetingId must be the meeting's long id, not its 9-digit number (join returns the id)");
		}
	}

	private static boolean blankIfGiven(@Nullable String value) {
		return value != null && value.isBlank();
	}

	private static boolean wholePositiveMinutes(@Nullable Duration duration) {
		return duration != null && duration.toMinutes() > 0
				&& duration.equals(Duration.ofMinutes(duration.toMinutes()));
	}

	private static @Nullable String minutes(@Nullable Duration duration) {
		return (duration != null) ? Long.toString(duration.toMinutes()) : null;
	}

}
