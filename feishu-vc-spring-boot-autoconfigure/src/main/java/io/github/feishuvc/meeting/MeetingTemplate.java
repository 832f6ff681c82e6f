package io.github.feishuvc.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserType;
import io.github.feishuvc.internal.FeishuApi;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.internal.MeetingRequests.ChangeNameRequest;
import io.github.feishuvc.internal.MeetingRequests.EventTypeBody;
import io.github.feishuvc.internal.MeetingRequests.Filter;
import io.github.feishuvc.internal.MeetingRequests.InviteRequest;
import io.github.feishuvc.internal.MeetingRequests.KickoutRequest;
import io.github.feishuvc.internal.MeetingRequests.SearchBody;
import io.github.feishuvc.internal.MeetingRequests.SetHostRequest;
import io.github.feishuvc.internal.MeetingRequests.TimeRange;
import io.github.feishuvc.internal.Violations;
import io.github.feishuvc.meeting.event.AudioRecordingEndedEvent;
import io.github.feishuvc.meeting.event.AudioRecordingStartedEvent;
import io.github.feishuvc.meeting.event.AudioRecordingTranscriptEvent;
import io.github.feishuvc.meeting.event.ParticipantMeetingEndedEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * {@link MeetingOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link MeetingApis}) says, reads after transient
 * failures, writes only when the platform certainly did not act; a call made with a token the platform does not take
 * for it is refused before anything is sent. Immutable and thread safe; {@link #withUserIdType}, {@link #forTenant}
 * and {@link #withUserAccessToken} return views.
 */
final class MeetingTemplate extends FeishuTemplate<MeetingOperations> implements MeetingOperations {

	/** How far back the platform keeps meetings. */
	static final Duration RETENTION = Duration.ofDays(90);

	/** Most users one invite may name. */
	static final int MAX_INVITEES = 10;

	private static final Pattern MEETING_NO = Pattern.compile("\\d{9}");

	/** The longest keyword a search takes. */
	private static final int MAX_QUERY = 50;

	/** The most ids one search filter takes. */
	private static final int MAX_FILTER_IDS = 128;

	private static final String PARTICIPANT_MEETING_ENDED = ParticipantMeetingEndedEvent.TYPE;

	/** The types of the audio recording events, each subscribed to by its own call. */
	private static final List<String> AUDIO_RECORDING_EVENTS = List.of(AudioRecordingStartedEvent.TYPE,
			AudioRecordingTranscriptEvent.TYPE, AudioRecordingEndedEvent.TYPE);

	private final Clock clock;

	MeetingTemplate(FeishuApiCaller caller, Clock clock) {
		super(caller);
		this.clock = clock;
	}

	@Override
	protected MeetingOperations with(FeishuApiCaller caller) {
		return new MeetingTemplate(caller, this.clock);
	}

	@Override
	public Mono<Meeting> get(String meetingId) {
		return get(meetingId, new MeetingQuery(false, false));
	}

	@Override
	public Mono<Meeting> get(String meetingId, MeetingQuery query) {
		Assert.notNull(query, "query must not be null");
		if (query.withMeetingAbility() && this.caller.actsAsUser()) {
			throw new IllegalStateException("get with the meeting ability needs the app's tenant access token (the "
					+ "platform refuses a user access token for it): call it on operations that do not act as a user");
		}
		return this.caller.call(MeetingApis.GET,
				Params.path(meetingId)
					.query("with_participants", query.withParticipants())
					.query("with_meeting_ability", query.withMeetingAbility()));
	}

	@Override
	public Mono<MeetingArtifacts> getArtifacts(String meetingId) {
		return this.caller.call(MeetingApis.GET_ARTIFACTS, Params.path(meetingId).query("query_mode", 1));
	}

	@Override
	public Flux<Meeting> listByNo(String meetingNo, Instant from, Instant to) {
		Violations violations = new Violations("listByNo");
		violations.addIf(meetingNo == null || !MEETING_NO.matcher(meetingNo).matches(),
				"meetingNo must be a meeting number of 9 digits, was " + meetingNo);
		violations.addIf(from == null || to == null || !from.isBefore(to),
				"from must be before to, were " + from + " and " + to);
		violations.throwIfAny();
		Flux<Meeting> meetings = this.caller.pages(MeetingApis.LIST_BY_NO,
				Params.path()
					.query("meeting_no", meetingNo)
					.query("start_time", from.getEpochSecond())
					.query("end_time", to.getEpochSecond()));
		return Flux.defer(() -> {
			Instant oldest = this.clock.instant().minus(RETENTION);
			if (from.isBefore(oldest)) {
				return Flux.error(new IllegalArgumentException("Invalid listByNo: from must be within the last 90 days "
						+ "(the platform keeps no older meetings), was " + from));
			}
			return meetings;
		});
	}

	@Override
	public Mono<List<MeetingInviteResult>> invite(String meetingId, List<MeetingUser> invitees) {
		List<MeetingUser> users = checkUsers("invite", "invitees", invitees, MAX_INVITEES);
		return this.caller.call(MeetingApis.INVITE, Params.path(meetingId).body(new InviteRequest(users)));
	}

	@Override
	public Mono<List<MeetingKickoutResult>> kickout(String meetingId, List<MeetingUser> users) {
		List<MeetingUser> checked = checkUsers("kickout", "users", users, Integer.MAX_VALUE);
		return this.caller.call(MeetingApis.KICKOUT, Params.path(meetingId).body(new KickoutRequest(checked)));
	}

	@Override
	public Mono<MeetingUser> setHost(String meetingId, MeetingUser host, @Nullable MeetingUser currentHost) {
		Violations violations = new Violations("setHost");
		checkUser(violations, "host", host);
		if (currentHost != null) {
			checkUser(violations, "currentHost", currentHost);
		}
		violations.throwIfAny();
		return this.caller.call(MeetingApis.SET_HOST,
				Params.path(meetingId).body(new SetHostRequest(host, currentHost)));
	}

	@Override
	public Mono<Void> end(String meetingId) {
		return this.caller.call(MeetingApis.END, meetingId).then();
	}

	@Override
	public Flux<MeetingSearchItem> search(MeetingSearchRequest request) {
		Violations violations = new Violations("MeetingSearchRequest");
		String query = request.query();
		violations.addIf(query != null && (query.isEmpty() || query.length() > MAX_QUERY),
				"query must be 1 to " + MAX_QUERY + " characters");
		violations.addIf(request.organizerIds().size() > MAX_FILTER_IDS, "organizerIds names more than 128");
		violations.addIf(request.participantIds().size() > MAX_FILTER_IDS, "participantIds names more than 128");
		violations.addIf(request.roomIds().size() > MAX_FILTER_IDS, "roomIds names more than 128");
		violations.addIf(request.startedFrom() != null && request.startedTo() != null
				&& request.startedTo().isBefore(request.startedFrom()), "startedTo must not be before startedFrom");
		violations.throwIfAny();
		boolean window = request.startedFrom() != null || request.startedTo() != null;
		boolean filtered = window || !request.organizerIds().isEmpty() || !request.participantIds().isEmpty()
				|| !request.roomIds().isEmpty();
		SearchBody body = new SearchBody(query, filtered ? new Filter(request.organizerIds(), request.participantIds(),
				request.roomIds(), window ? new TimeRange(iso(request.startedFrom()), iso(request.startedTo())) : null)
				: null);
		return this.caller.pages(MeetingApis.SEARCH, Params.path().body(body));
	}

	@Override
	public Mono<Void> subscribe() {
		return this.caller.call(MeetingApis.SUBSCRIBE, Params.path().body(new EventTypeBody(PARTICIPANT_MEETING_ENDED)))
			.then();
	}

	@Override
	public Mono<Void> unsubscribe() {
		return this.caller
			.call(MeetingApis.UNSUBSCRIBE, Params.path().body(new EventTypeBody(PARTICIPANT_MEETING_ENDED)))
			.then();
	}

	@Override
	public Flux<Meeting> list(Instant from, Instant to, MeetingStatus status, @Nullable String roomId) {
		Violations violations = new Violations("list");
		violations.addIf(from == null || to == null || !from.isBefore(to),
				"from must be before to, were " + from + " and " + to);
		violations.addIf(status == null || status == MeetingStatus.UNKNOWN, "status must be a known status, was "
				+ status);
		violations.addIf(roomId != null && roomId.isBlank(), "roomId must not be blank");
		violations.throwIfAny();
		return this.caller.pages(MeetingApis.LIST,
				Params.path()
					.query("room_id", roomId)
					.query("start_time", from.getEpochSecond())
					.query("end_time", to.getEpochSecond())
					.query("status", status.code()));
	}

	@Override
	public Mono<List<MeetingNameResult>> changeNames(String meetingId, List<ParticipantName> names) {
		List<ParticipantName> checked = Lists.required(names, "names");
		Violations violations = new Violations("changeNames");
		violations.addIf(checked.isEmpty(), "names must name at least one participant");
		for (int i = 0; i < checked.size(); i++) {
			ParticipantName name = checked.get(i);
			violations.addIf(name.id() == null || name.id().isBlank(), "names[" + i + "].id is required");
			violations.addIf(name.inMeetingName() == null || name.inMeetingName().isBlank(),
					"names[" + i + "].inMeetingName is required");
			violations.addIf(Objects.equals(name.userType(), UserType.UNKNOWN),
					"names[" + i + "].userType must be a type the platform knows, was " + name.userTypeCode());
		}
		violations.throwIfAny();
		return this.caller.call(MeetingApis.CHANGE_NAME, Params.path(meetingId).body(new ChangeNameRequest(checked)));
	}

	@Override
	public Flux<MeetingSubtitle> subtitles(String meetingId, String subscriberId, String deviceId) {
		Violations violations = new Violations("subtitles");
		violations.addIf(subscriberId == null || subscriberId.isBlank(), "subscriberId is required");
		violations.addIf(deviceId == null || deviceId.isBlank(), "deviceId is required");
		violations.throwIfAny();
		return this.caller.pages(MeetingApis.PULL_SUBTITLE,
				Params.path(meetingId).query("uid", subscriberId).query("did", deviceId));
	}

	@Override
	public Mono<Void> subscribeAudioRecordings() {
		return audioRecordings(MeetingApis.RECORDING_SUBSCRIBE);
	}

	@Override
	public Mono<Void> unsubscribeAudioRecordings() {
		return audioRecordings(MeetingApis.RECORDING_UNSUBSCRIBE);
	}

	/** One call per type, in order: the body names one type, which the platform requires here. */
	private Mono<Void> audioRecordings(FeishuApi<Boolean> api) {
		List<Mono<Boolean>> calls = AUDIO_RECORDING_EVENTS.stream()
			.map((type) -> this.caller.call(api, Params.path().body(new EventTypeBody(type))))
			.toList();
		return Flux.concat(calls).then();
	}

	private static @Nullable String iso(@Nullable OffsetDateTime time) {
		return (time != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : null;
	}

	/** Users to invite or remove: at least one, at most {@code max}, each with an id and a type the platform knows. */
	private static List<MeetingUser> checkUsers(String operation, String name, @Nullable List<MeetingUser> users,
			int max) {
		List<MeetingUser> checked = Lists.required(users, name);
		Violations violations = new Violations(operation);
		violations.addIf(checked.isEmpty(), name + " must name at least one user");
		violations.addIf(checked.size() > max,
				name + " names " + checked.size() + " users; the platform takes at most " + max + " a call");
		for (int i = 0; i < checked.size(); i++) {
			checkUser(violations, name + "[" + i + "]", checked.get(i));
		}
		violations.throwIfAny();
		return checked;
	}

	private static void checkUser(Violations violations, String name, @Nullable MeetingUser user) {
		if (user == null) {
			violations.add(name + " must not be null");
			return;
		}
		violations.addIf(user.id() == null || user.id().isBlank(), name + ".id is required");
		violations.addIf(Objects.equals(user.userType(), UserType.UNKNOWN),
				name + ".userType must be a type the platform knows, was " + user.userTypeCode());
	}

}
