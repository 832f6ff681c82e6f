package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.github.feishuvc.internal.AgentApis;
import io.github.feishuvc.test.EmulatorAgents.Countdown;
import io.github.feishuvc.test.EmulatorAgents.SentMessage;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.envelope;
import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * The meeting agents ({@code vc-search-notes-bots.md} §6, §7.3; {@code vc-agents-recordings-transcripts.md} §2): the
 * app's agent joins a meeting in progress of its tenant by its number (and password), leaves, sends messages and runs
 * the countdown of a meeting it is in; a user may do the last two in a meeting they are in. Everything that happens in
 * a meeting (people join, leave, say something, chat) is recorded as the meeting's events, which
 * {@code GET /bots/events} lists in pages to the agent in the meeting or a user in it, and pushed as
 * {@code vc.bot.meeting_activity_v1} while the agent is in it; its end pushes {@code vc.bot.meeting_ended_v1}. A tenant
 * put outside the gray release is refused every call with {@code 20017}, an agent joining a meeting whose owner is
 * outside it with {@code 10012}. All state is guarded by the meetings' lock, which the meetings hold when they tell
 * this object of their life. A little over 500 lines: the six endpoints share the agent's presence, the meetings'
 * activity and the refusals, which would otherwise be passed between classes.
 */
final class EmulatedAgents implements VcRoutes.Endpoints, MeetingObserver {

	/** How the platform shows an agent in a meeting (seen as 10 by its CLI). */
	static final int AGENT_USER_TYPE = 10;

	private static final ZoneOffset UTC_8 = ZoneOffset.ofHours(8);

	private static final DateTimeFormatter JOIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(UTC_8);

	private static final int LONGEST_COUNTDOWN = 24 * 60;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	private final EmulatedMeetings meetings;

	private final String agentId;

	/** The meetings each tenant's agent is in. */
	private final Map<String, Set<String>> agentIn = new HashMap<>();

	/** What happened in each meeting, as {@code bots/events} lists it. */
	private final Map<String, List<ObjectNode>> log = new HashMap<>();

	private final Map<String, List<SentMessage>> sent = new HashMap<>();

	private final Map<String, List<Countdown>> countdowns = new HashMap<>();

	private final Set<String> ownersOutside = new HashSet<>();

	private boolean outsideGrayRelease;

	private boolean announceStarts;

	private long sentences;

	EmulatedAgents(Replies replies, Clock clock, EventSink events, EmulatedMeetings meetings, String appId) {
		this.replies = replies;
		this.clock = clock;
		this.events = events;
		this.meetings = meetings;
		this.agentId = "ou_agent_" + appId.replaceAll("[^A-Za-z0-9]", "");
		meetings.observe(this);
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(AgentApis.JOIN, (caller, call) -> gated(() -> join(caller, call.body())));
		routes.handle(AgentApis.LEAVE, (caller, call) -> gated(() -> leave(caller, call.body())));
		routes.handle(AgentApis.MESSAGE, (caller, call) -> gated(() -> message(caller, call.body())));
		routes.handle(AgentApis.COUNTDOWN, (caller, call) -> gated(() -> countdown(caller, call.body())));
		routes.handle(AgentApis.EVENTS, (caller, call) -> gated(() -> events(caller, call.query())));
		routes.handle(AgentApis.USER_ACTIVE_MEETINGS,
				(caller, call) -> gated(() -> activeMeetings(caller, call.query())));
	}

	String agentId() {
		return this.agentId;
	}

	void outsideGrayRelease(boolean outside) {
		synchronized (this.meetings) {
			this.outsideGrayRelease = outside;
		}
	}

	void ownerOutsideGrayRelease(String ownerId) {
		synchronized (this.meetings) {
			this.ownersOutside.add(ownerId);
		}
	}

	void announceStarts(boolean announce) {
		synchronized (this.meetings) {
			this.announceStarts = announce;
		}
	}

	/** Someone invites the agent into a meeting in progress: {@code vc.bot.meeting_invited_v1}, with a call id. */
	String invite(String meetingId, String inviterId) {
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			if (meeting == null || meeting.status != StoredMeeting.IN_PROGRESS) {
				throw new IllegalArgumentException("No meeting " + meetingId + " in progress");
			}
			String callId = uuid();
			ObjectNode event = envelope("vc.bot.meeting_invited_v1");
			ObjectNode body = (ObjectNode) event.get("event");
			body.set("meeting", meeting(meeting));
			body.set("bot", agent());
			body.set("inviter", user(meeting, inviterId));
			body.put("invite_time", Long.toString(this.clock.instant().getEpochSecond())).put("call_id", callId);
			this.events.push(meeting.tenantKey, List.of(event));
			return callId;
		}
	}

	/** A participant writes in the meeting's chat. */
	void chat(String meetingId, String userId, String text) {
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			StoredMeeting.Participant participant = (meeting != null) ? meeting.participants.get(userId) : null;
			if (meeting == null || meeting.status != StoredMeeting.IN_PROGRESS || participant == null
					|| participant.status != StoredMeeting.IN_MEETING) {
				throw new IllegalArgumentException(userId + " is not in a meeting " + meetingId + " in progress");
			}
			happened(meeting, chat(user(meeting, userId), 1, text));
		}
	}

	boolean isIn(String meetingId) {
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			return meeting != null && agentIsIn(meeting.tenantKey, meetingId);
		}
	}

	List<SentMessage> messages(String meetingId) {
		synchronized (this.meetings) {
			return List.copyOf(this.sent.getOrDefault(meetingId, List.of()));
		}
	}

	List<Countdown> countdowns(String meetingId) {
		synchronized (this.meetings) {
			return List.copyOf(this.countdowns.getOrDefault(meetingId, List.of()));
		}
	}

	@Override
	public void started(StoredMeeting meeting) {
		if (this.announceStarts) {
			ObjectNode event = envelope("vc.bot.meeting_started_v1");
			((ObjectNode) event.get("event")).set("meeting", meeting(meeting));
			this.events.push(meeting.tenantKey, List.of(event));
		}
	}

	@Override
	public void joined(StoredMeeting meeting, String userId, Instant at) {
		ObjectNode item = NODES.objectNode();
		item.set("participant", user(meeting, userId));
		item.put("join_time", Long.toString(at.toEpochMilli()));
		happened(meeting, activity("participant_joined", item));
	}

	@Override
	public void left(StoredMeeting meeting, String userId, int reason, Instant at) {
		happened(meeting, left(user(meeting, userId), reason, at));
	}

	@Override
	public void said(StoredMeeting meeting, StoredMeeting.Utterance utterance) {
		ObjectNode item = NODES.objectNode();
		item.set("speaker", user(meeting, utterance.speakerId()));
		long start = utterance.at().toEpochMilli();
		item.put("text", utterance.text())
			.put("language", utterance.text().chars().allMatch((c) -> c < 128) ? "en" : "zh")
			.put("start_time_ms", Long.toString(start))
			.put("end_time_ms", Long.toString(start + 1000))
			.put("sentence_id", Long.toString(++this.sentences));
		happened(meeting, activity("transcript_received", item));
	}

	@Override
	public void ended(StoredMeeting meeting) {
		Set<String> in = this.agentIn.get(meeting.tenantKey);
		if (in != null && in.remove(meeting.id)) {
			ObjectNode event = envelope("vc.bot.meeting_ended_v1");
			((ObjectNode) event.get("event")).set("meeting", meeting(meeting));
			this.events.push(meeting.tenantKey, List.of(event));
		}
	}

	/** Every call is refused while the tenant is outside the gray release. */
	private Reply gated(Supplier<Reply> call) {
		synchronized (this.meetings) {
			if (this.outsideGrayRelease) {
				return this.replies.error(400, AgentApis.NOT_IN_GRAY_RELEASE, "ErrNotInGray");
			}
			return call.get();
		}
	}

	private Reply join(Caller caller, byte[] bytes) {
		ObjectNode body = this.replies.parseObject(bytes);
		String meetingNo = (body != null) ? body.path("join_identify").path("meeting_no").asString("") : "";
		if (body == null || body.path("join_type").asInt(0) != 1 || meetingNo.isEmpty()) {
			return fieldValidationFailed();
		}
		StoredMeeting meeting = this.meetings.all()
			.stream()
			.filter((candidate) -> candidate.tenantKey.equals(caller.tenantKey())
					&& candidate.status == StoredMeeting.IN_PROGRESS
					&& meetingNo.equals(candidate.json.path("meeting_no").asString("")))
			.findFirst()
			.orElse(null);
		if (meeting == null || !meeting.json.path("password").asString("").equals(body.path("password").asString(""))) {
			return this.replies.error(403, 121003, "no permission");
		}
		if (this.ownersOutside.contains(meeting.ownerId)) {
			return this.replies.error(400, AgentApis.OWNER_NOT_IN_GRAY_RELEASE, "The meeting owner is not included in "
					+ "the gray release scope, so joining the meeting via application identity is not allowed.");
		}
		if (this.agentIn.computeIfAbsent(caller.tenantKey(), (key) -> new HashSet<>()).add(meeting.id)) {
			ObjectNode item = NODES.objectNode();
			item.set("participant", agent());
			item.put("join_time", Long.toString(this.clock.instant().toEpochMilli()));
			happened(meeting, activity("participant_joined", item));
		}
		ObjectNode data = this.replies.object();
		data.putObject("meeting")
			.put("id", meeting.id)
			.put("meeting_no", meetingNo)
			.put("start_time", JOIN_TIME.format(meeting.startTime))
			.put("topic", meeting.json.path("topic").asString(""));
		data.putObject("join_user").put("id", this.agentId).put("user_type", AGENT_USER_TYPE);
		return this.replies.success(data);
	}

	private Reply leave(Caller caller, byte[] bytes) {
		ObjectNode body = this.replies.parseObject(bytes);
		String meetingId = (body != null) ? body.path("meeting_id").asString("") : "";
		if (meetingId.isEmpty()) {
			return fieldValidationFailed();
		}
		Reply refused = refusal(caller, meetingId);
		if (refused != null) {
			return refused;
		}
		StoredMeeting meeting = this.meetings.find(meetingId);
		this.agentIn.get(caller.tenantKey()).remove(meetingId);
		happened(meeting, left(agent(), 1, this.clock.instant()));
		ObjectNode data = this.replies.object();
		data.putObject("leave_user").put("id", this.agentId).put("user_type", AGENT_USER_TYPE);
		return this.replies.success(data);
	}

	private Reply message(Caller caller, byte[] bytes) {
		ObjectNode body = this.replies.parseObject(bytes);
		String meetingId = text(body, "meeting_id");
		String type = text(body, "msg_type");
		String content = text(body, "content");
		if (meetingId.isEmpty() || content.isBlank() || !(type.equals("text") || type.equals("reaction"))) {
			return fieldValidationFailed();
		}
		Reply refused = refusal(caller, meetingId);
		if (refused != null) {
			return refused;
		}
		String uuid = text(body, "uuid");
		if (uuid.isEmpty()) {
			uuid = uuid();
		}
		StoredMeeting meeting = this.meetings.find(meetingId);
		String sender = caller.isApp() ? this.agentId : caller.userId();
		List<SentMessage> sent = this.sent.computeIfAbsent(meetingId, (key) -> new ArrayList<>());
		String key = uuid;
		if (sent.stream().anyMatch((message) -> message.uuid().equals(key))) {
			// The uuid makes a message sent again (after a lost answer) harmless: taken once.
			return this.replies.success(this.replies.object().put("uuid", uuid));
		}
		sent.add(new SentMessage(meetingId, sender, type, content, uuid));
		happened(meeting, chat(caller.isApp() ? agent() : user(meeting, sender), type.equals("text") ? 1 : 3, content));
		return this.replies.success(this.replies.object().put("uuid", uuid));
	}

	private Reply countdown(Caller caller, byte[] bytes) {
		ObjectNode body = this.replies.parseObject(bytes);
		String meetingId = text(body, "meeting_id");
		String action = text(body, "action");
		if (meetingId.isEmpty() || !List.of("set", "prolong", "end_in_advance", "close_window").contains(action)) {
			return fieldValidationFailed();
		}
		Integer duration = minutes(body, "duration");
		Integer reminder = minutes(body, "reminder_before_end");
		boolean audio = body.path("need_play_audio_at_end").asBoolean(false);
		boolean set = action.equals("set");
		if ((set || action.equals("prolong")) && (duration == null || duration <= 0)) {
			return fieldValidationFailed();
		}
		if (set && (duration > LONGEST_COUNTDOWN || (reminder != null && (reminder <= 0 || reminder >= duration)))) {
			return fieldValidationFailed();
		}
		Reply refused = refusal(caller, meetingId);
		if (refused != null) {
			return refused;
		}
		// Prolonging beyond a day is capped, not refused.
		Integer kept = (duration != null) ? Math.min(duration, LONGEST_COUNTDOWN) : null;
		this.countdowns.computeIfAbsent(meetingId, (key) -> new ArrayList<>())
			.add(new Countdown(action, kept, set && audio, set ? reminder : null));
		return this.replies.success(this.replies.object());
	}

	private Reply events(Caller caller, Map<String, List<String>> query) {
		String meetingId = first(query, "meeting_id");
		if (meetingId == null || meetingId.isEmpty()) {
			return fieldValidationFailed();
		}
		Reply refused = refusal(caller, meetingId);
		if (refused != null) {
			return refused;
		}
		Instant from = EmulatedJson.seconds(first(query, "start_time"));
		Instant to = EmulatedJson.seconds(first(query, "end_time"));
		List<ObjectNode> matching = this.log.getOrDefault(meetingId, List.of()).stream().filter((event) -> {
			Instant at = OffsetDateTime.parse(event.path("event_time").asString()).toInstant();
			return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
		}).toList();
		int size = 20;
		String asked = first(query, "page_size");
		if (asked != null && EmulatedJson.isDigits(asked)) {
			size = Math.max(20, Math.min(100, Integer.parseInt(asked)));
		}
		int start = 0;
		String token = first(query, "page_token");
		if (token != null && !token.isEmpty()) {
			if (!token.startsWith("evt_page_") || !EmulatedJson.isDigits(token.substring(9))) {
				return fieldValidationFailed();
			}
			start = Integer.parseInt(token.substring(9));
		}
		int end = Math.min(matching.size(), start + size);
		ObjectNode data = this.replies.object();
		ArrayNode page = data.putArray("events");
		matching.subList(Math.min(start, end), end).forEach((event) -> page.add(event.deepCopy()));
		data.put("has_more", end < matching.size());
		if (end < matching.size()) {
			data.put("page_token", "evt_page_" + end);
		}
		return this.replies.success(data);
	}

	private Reply activeMeetings(Caller caller, Map<String, List<String>> query) {
		String userId = first(query, "user_id");
		if (caller.isApp() && (userId == null || userId.isEmpty())) {
			return fieldValidationFailed();
		}
		String user = (userId != null && !userId.isEmpty()) ? userId : caller.userId();
		ObjectNode data = this.replies.object();
		ArrayNode meetings = data.putArray("meetings");
		this.meetings.all()
			.stream()
			.filter((meeting) -> meeting.tenantKey.equals(caller.tenantKey())
					&& meeting.status == StoredMeeting.IN_PROGRESS && inMeeting(meeting, user)
					&& (!caller.isApp() || agentIsIn(meeting.tenantKey, meeting.id)))
			.sorted(Comparator.comparing((StoredMeeting meeting) -> meeting.startTime))
			.forEach((meeting) -> meetings.addObject()
				.put("meeting_no", meeting.json.path("meeting_no").asString(""))
				.put("meeting_id", meeting.id)
				.put("meeting_title", meeting.json.path("topic").asString("")));
		return this.replies.success(data);
	}

	/**
	 * Why a call about a meeting is refused: no such meeting in the tenant ({@code 20002}), it ended ({@code 20001}),
	 * or the caller (the agent, or the user) is not in it ({@code 10005}).
	 */
	private @Nullable Reply refusal(Caller caller, String meetingId) {
		StoredMeeting meeting = this.meetings.find(meetingId);
		if (meeting == null || !meeting.tenantKey.equals(caller.tenantKey())) {
			return this.replies.error(400, AgentApis.MEETING_NOT_EXIST, "meeting not exist");
		}
		if (meeting.status != StoredMeeting.IN_PROGRESS) {
			return this.replies.error(400, AgentApis.MEETING_ENDED, "meeting ended");
		}
		boolean in = caller.isApp() ? agentIsIn(caller.tenantKey(), meetingId) : inMeeting(meeting, caller.userId());
		return in ? null : this.replies.error(400, AgentApis.NOT_IN_MEETING, "bot is not in meeting");
	}

	private boolean agentIsIn(String tenantKey, String meetingId) {
		return this.agentIn.getOrDefault(tenantKey, Set.of()).contains(meetingId);
	}

	private static boolean inMeeting(StoredMeeting meeting, @Nullable String userId) {
		StoredMeeting.Participant participant = (userId != null) ? meeting.participants.get(userId) : null;
		return participant != null && participant.status == StoredMeeting.IN_MEETING;
	}

	/**
	 * Record an activity of a meeting for {@code bots/events}, and push it as {@code vc.bot.meeting_activity_v1} if
	 * the tenant's agent is in the meeting.
	 */
	private void happened(StoredMeeting meeting, ObjectNode activity) {
		activity.set("meeting", meeting(meeting));
		ObjectNode event = NODES.objectNode()
			.put("event_id", "evt_" + this.replies.randomHex(8))
			.put("event_type", activity.path("activity_event_type").asString())
			.put("event_time", OffsetDateTime.ofInstant(this.clock.instant().truncatedTo(ChronoUnit.SECONDS), UTC_8)
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		event.set("payload", activity);
		this.log.computeIfAbsent(meeting.id, (key) -> new ArrayList<>()).add(event);
		if (agentIsIn(meeting.tenantKey, meeting.id)) {
			ObjectNode pushed = envelope("vc.bot.meeting_activity_v1");
			((ObjectNode) pushed.get("event")).putArray("meeting_activity_items").add(activity.deepCopy());
			this.events.push(meeting.tenantKey, List.of(pushed));
		}
	}

	private static ObjectNode activity(String type, ObjectNode item) {
		ObjectNode activity = NODES.objectNode().put("activity_event_type", type);
		activity.putArray(type + "_items").add(item);
		return activity;
	}

	private ObjectNode left(ObjectNode participant, int reason, Instant at) {
		ObjectNode item = NODES.objectNode();
		item.set("participant", participant);
		item.put("leave_reason", reason).put("leave_time", Long.toString(at.toEpochMilli()));
		return activity("participant_left", item);
	}

	private ObjectNode chat(ObjectNode operator, int messageType, String content) {
		ObjectNode item = NODES.objectNode();
		item.set("operator", operator);
		item.put("message_id", this.replies.randomDigits(19))
			.put("message_type", messageType)
			.put("content", content)
			.put("send_time", Long.toString(this.clock.instant().toEpochMilli()));
		return activity("chat_received", item);
	}

	/** A meeting as the agent's events show it. */
	private static ObjectNode meeting(StoredMeeting meeting) {
		ObjectNode node = NODES.objectNode()
			.put("id", meeting.id)
			.put("topic", meeting.json.path("topic").asString(""))
			.put("meeting_no", meeting.json.path("meeting_no").asString(""))
			.put("start_time", Long.toString(meeting.startTime.getEpochSecond()));
		if (meeting.endTime != null) {
			node.put("end_time", Long.toString(meeting.endTime.getEpochSecond()));
		}
		node.set("host_user", user(meeting, meeting.hostId));
		return node;
	}

	private static ObjectNode user(StoredMeeting meeting, String userId) {
		return NODES.objectNode()
			.put("id", userId)
			.put("user_type", 1)
			.put("user_role", userId.equals(meeting.hostId) ? 2 : 1);
	}

	private ObjectNode agent() {
		return NODES.objectNode()
			.put("id", this.agentId)
			.put("user_type", AGENT_USER_TYPE)
			.put("user_role", 4)
			.put("user_name", "Emulated agent");
	}

	/** A random UUID from the emulator's own generator (the JDK's blocks on the event loop for its seed). */
	private String uuid() {
		String hex = this.replies.randomHex(16);
		return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
				+ hex.substring(16, 20) + '-' + hex.substring(20);
	}

	private Reply fieldValidationFailed() {
		return this.replies.error(400, 99992402, "field validation failed");
	}

	private static String text(@Nullable JsonNode body, String field) {
		return (body != null) ? body.path(field).asString("") : "";
	}

	/** Minutes as the page types them (a string), or as the platform's CLI sends them (a number). */
	private static @Nullable Integer minutes(@Nullable JsonNode body, String field) {
		JsonNode value = (body != null) ? body.get(field) : null;
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.asString("");
		return EmulatedJson.isDigits(text) && text.length() < 9 ? Integer.valueOf(text) : Integer.valueOf(-1);
	}

}
