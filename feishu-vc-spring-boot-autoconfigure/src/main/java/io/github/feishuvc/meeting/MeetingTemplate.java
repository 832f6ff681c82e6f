package io.github.feishuvc.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.feishuvc.auth.ActingAs;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.Lists;
import io.github.feishuvc.core.PathSegment;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.core.ResponseReader;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.core.UserType;
import io.github.feishuvc.core.Violations;
import io.github.feishuvc.meeting.MeetingBodies.HostData;
import io.github.feishuvc.meeting.MeetingBodies.InviteData;
import io.github.feishuvc.meeting.MeetingBodies.InviteRequest;
import io.github.feishuvc.meeting.MeetingBodies.KickoutData;
import io.github.feishuvc.meeting.MeetingBodies.KickoutRequest;
import io.github.feishuvc.meeting.MeetingBodies.MeetingData;
import io.github.feishuvc.meeting.MeetingBodies.MeetingPage;
import io.github.feishuvc.meeting.MeetingBodies.SetHostRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * {@link MeetingOperations} over a {@link FeishuVcExecutor}: validates and encodes each call, checks that it is made
 * with the kind of token the platform accepts for it, and lets the executor authenticate, rate-limit, send and retry
 * it (reads after transient failures; writes only when the platform certainly did not act). Immutable and thread
 * safe; {@link #withUserIdType}, {@link #forTenant} and {@link #withUserAccessToken} return views.
 */
public class MeetingTemplate implements MeetingOperations {

	/** The platform's limits of the meeting APIs that differ from the standard 50 a second and 1000 a minute. */
	public static final Map<String, RateLimit> RATE_LIMITS = Map.of("meeting.list_by_no", RateLimit.perMinute(100));

	/** How far back the platform keeps meetings. */
	static final Duration RETENTION = Duration.ofDays(90);

	/** Most users one invite may name. */
	static final int MAX_INVITEES = 10;

	private static final String MEETINGS = "/open-apis/vc/v1/meetings/";

	private static final Pattern MEETING_NO = Pattern.compile("\\d{9}");

	private static final ResponseReader<FeishuVcEnvelope<MeetingData>, Meeting> MEETING = ResponseReader
		.envelope(MeetingJson.mapper(), MeetingData.class, MeetingData::meeting, "data.meeting");

	private static final ResponseReader<FeishuVcEnvelope<MeetingData>, MeetingArtifacts> ARTIFACTS = ResponseReader
		.envelope(MeetingJson.mapper(), MeetingData.class, MeetingData::relatedArtifacts, "data.related_artifacts");

	private static final ResponseReader<FeishuVcEnvelope<MeetingPage>, MeetingPage> PAGE = ResponseReader
		.envelope(MeetingJson.mapper(), MeetingPage.class, (page) -> page, "data");

	private static final ResponseReader<FeishuVcEnvelope<InviteData>, List<MeetingInviteResult>> INVITE_RESULTS = ResponseReader
		.envelope(MeetingJson.mapper(), InviteData.class, (data) -> Lists.immutable(data.inviteResults()),
				"data.invite_results");

	private static final ResponseReader<FeishuVcEnvelope<KickoutData>, List<MeetingKickoutResult>> KICKOUT_RESULTS = ResponseReader
		.envelope(MeetingJson.mapper(), KickoutData.class, (data) -> Lists.immutable(data.kickoutResults()),
				"data.kickout_results");

	private static final ResponseReader<FeishuVcEnvelope<HostData>, MeetingUser> HOST = ResponseReader
		.envelope(MeetingJson.mapper(), HostData.class, HostData::hostUser, "data.host_user");

	private final FeishuVcExecutor executor;

	private final ActingAs actingAs;

	private final UserIdType userIdType;

	private final Clock clock;

	/**
	 * Create a template acting as the app.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 */
	public MeetingTemplate(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens, UserIdType userIdType) {
		this(executor, tenantTokens, userIdType, Clock.systemUTC());
	}

	/**
	 * Create a template acting as the app.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param clock the clock that decides how far back a search may go
	 */
	public MeetingTemplate(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens, UserIdType userIdType,
			Clock clock) {
		this(executor, ActingAs.app(tenantTokens), userIdType, clock);
	}

	private MeetingTemplate(FeishuVcExecutor executor, ActingAs actingAs, UserIdType userIdType, Clock clock) {
		Assert.notNull(userIdType, "userIdType must not be null");
		this.executor = executor;
		this.actingAs = actingAs;
		this.userIdType = userIdType;
		this.clock = clock;
	}

	@Override
	public Mono<Meeting> get(String meetingId) {
		return get(meetingId, new MeetingQuery(false, false));
	}

	@Override
	public Mono<Meeting> get(String meetingId, MeetingQuery query) {
		String segment = PathSegment.encode("meetingId", meetingId);
		Assert.notNull(query, "query must not be null");
		if (query.withMeetingAbility()) {
			this.actingAs.requireApp("get with the meeting ability");
		}
		return send("meeting.get", HttpMethod.GET, MEETINGS + segment + this.userIdType.query() + "&with_participants="
				+ query.withParticipants() + "&with_meeting_ability=" + query.withMeetingAbility(), null, true, MEETING);
	}

	@Override
	public Mono<MeetingArtifacts> getArtifacts(String meetingId) {
		String segment = PathSegment.encode("meetingId", meetingId);
		return send("meeting.get", HttpMethod.GET, MEETINGS + segment + this.userIdType.query() + "&query_mode=1", null,
				true, ARTIFACTS);
	}

	@Override
	public Flux<Meeting> listByNo(String meetingNo, Instant from, Instant to) {
		Violations violations = new Violations("listByNo");
		violations.addIf(meetingNo == null || !MEETING_NO.matcher(meetingNo).matches(),
				"meetingNo must be a meeting number of 9 digits, was " + meetingNo);
		violations.addIf(from == null || to == null || !from.isBefore(to),
				"from must be before to, were " + from + " and " + to);
		violations.throwIfAny();
		String query = "list_by_no?meeting_no=" + meetingNo + "&start_time=" + from.getEpochSecond() + "&end_time="
				+ to.getEpochSecond() + "&page_size=50";
		return Flux.defer(() -> {
			Instant oldest = this.clock.instant().minus(RETENTION);
			if (from.isBefore(oldest)) {
				return Flux.error(new IllegalArgumentException("Invalid listByNo: from must be within the last 90 days "
						+ "(the platform keeps no older meetings), was " + from));
			}
			return page(query, null).expand((page) -> nextPage(query, page))
				.concatMapIterable((page) -> Lists.<Meeting>immutable(page.meetingBriefs()));
		});
	}

	private Mono<MeetingPage> nextPage(String query, MeetingPage page) {
		String token = page.pageToken();
		if (!Boolean.TRUE.equals(page.hasMore()) || token == null || token.isEmpty()) {
			return Mono.empty();
		}
		return page(query, token).doOnNext((next) -> {
			if (Boolean.TRUE.equals(next.hasMore()) && token.equals(next.pageToken())) {
				throw new FeishuVcInvalidResponseException(CallInfo.noResponse("meeting.list_by_no", 1),
						"the same page token again", new byte[0]);
			}
		});
	}

	private Mono<MeetingPage> page(String query, @Nullable String pageToken) {
		String pathAndQuery = MEETINGS + query + "&" + this.userIdType.query().substring(1)
				+ ((pageToken != null) ? "&page_token=" + PathSegment.encode("pageToken", pageToken) : "");
		return send("meeting.list_by_no", HttpMethod.GET, pathAndQuery, null, true, PAGE);
	}

	@Override
	public Mono<List<MeetingInviteResult>> invite(String meetingId, List<MeetingUser> invitees) {
		String segment = PathSegment.encode("meetingId", meetingId);
		List<MeetingUser> users = checkUsers("invite", "invitees", invitees, MAX_INVITEES);
		this.actingAs.requireUser("invite");
		return send("meeting.invite", HttpMethod.PATCH, MEETINGS + segment + "/invite" + this.userIdType.query(),
				body(new InviteRequest(users)), false, INVITE_RESULTS);
	}

	@Override
	public Mono<List<MeetingKickoutResult>> kickout(String meetingId, List<MeetingUser> users) {
		String segment = PathSegment.encode("meetingId", meetingId);
		List<MeetingUser> checked = checkUsers("kickout", "users", users, Integer.MAX_VALUE);
		this.actingAs.requireApp("kickout");
		return send("meeting.kickout", HttpMethod.POST, MEETINGS + segment + "/kickout" + this.userIdType.query(),
				body(new KickoutRequest(checked)), false, KICKOUT_RESULTS);
	}

	@Override
	public Mono<MeetingUser> setHost(String meetingId, MeetingUser host, @Nullable MeetingUser currentHost) {
		String segment = PathSegment.encode("meetingId", meetingId);
		Violations violations = new Violations("setHost");
		checkUser(violations, "host", host);
		if (currentHost != null) {
			checkUser(violations, "currentHost", currentHost);
		}
		violations.throwIfAny();
		return send("meeting.set_host", HttpMethod.PATCH, MEETINGS + segment + "/set_host" + this.userIdType.query(),
				body(new SetHostRequest(host, currentHost)), false, HOST);
	}

	@Override
	public Mono<Void> end(String meetingId) {
		String segment = PathSegment.encode("meetingId", meetingId);
		this.actingAs.requireUser("end");
		return send("meeting.end", HttpMethod.PATCH, MEETINGS + segment + "/end", null, false,
				ResponseReader.acknowledgement())
			.then();
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

	private static byte[] body(Object request) {
		return MeetingJson.mapper().writeValueAsBytes(request);
	}

	private <T> Mono<T> send(String operation, HttpMethod method, String pathAndQuery, byte @Nullable [] body,
			boolean idempotent, ResponseReader<?, T> reader) {
		return this.executor.execute(operation, method, pathAndQuery, body, idempotent, this.actingAs.tokens(), reader);
	}

	@Override
	public MeetingOperations withUserIdType(UserIdType userIdType) {
		return new MeetingTemplate(this.executor, this.actingAs, userIdType, this.clock);
	}

	@Override
	public MeetingOperations forTenant(String tenantKey) {
		return new MeetingTemplate(this.executor, this.actingAs.forTenant(tenantKey), this.userIdType, this.clock);
	}

	@Override
	public MeetingOperations withUserAccessToken(String userAccessToken) {
		return new MeetingTemplate(this.executor, this.actingAs.user(userAccessToken), this.userIdType, this.clock);
	}

	@Override
	public MeetingOperations withUserAccessToken(AccessTokenSource userAccessTokens) {
		return new MeetingTemplate(this.executor, this.actingAs.user(userAccessTokens), this.userIdType, this.clock);
	}

	/** Never shows the user access token. */
	@Override
	public String toString() {
		return "MeetingTemplate[baseUrl=" + this.executor.baseUrl() + ", userIdType=" + this.userIdType + ", "
				+ this.actingAs + "]";
	}

}
