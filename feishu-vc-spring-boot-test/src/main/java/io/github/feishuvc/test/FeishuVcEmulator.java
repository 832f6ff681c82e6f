package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

// Over 500 lines on purpose: this is the emulator's public API, half of it javadoc, each method handing over to the
// platform in a line or two, and Builder must stay nested to stay FeishuVcEmulator.Builder. What runs it is
// EmulatorServer; what it emulates, EmulatedPlatform and its families.
/**
 * An in-process fake of the Feishu open platform for tests and offline runs: the token endpoints of self-built and
 * store apps, the five VC reserve endpoints (apply, get, update, delete, get active meeting), the meeting endpoints
 * (get, list by number, invite, kickout, set host, end) and the recording endpoints (get, start, stop, set permission),
 * on a random loopback port.
 *
 * <ul>
 * <li>Tokens: {@code POST /open-apis/auth/v3/tenant_access_token/internal} checks the app id and secret and issues
 * tokens that expire (the same token while more than 30 minutes of it remain, as the platform does);
 * {@link #issueUserAccessToken(String)} issues user access tokens. VC calls without a token get code
 * {@code 99991661}; with an unknown or expired tenant token {@code 99991663}, user token {@code 99991668} /
 * {@code 99991677}.</li>
 * <li>Reservations are stateful: apply creates one with a fresh id, meeting number and link; get, update and
 * delete act on it; after delete, get answers HTTP 404 / code {@code 121004}. A reservation belongs to whoever made
 * it (the app, or the user of a user token) and to the user it names as owner; anyone else gets HTTP 403 / code
 * {@code 121005}. The platform's documented rules are enforced: end time within 30 days, at most 10 hosts
 * ({@code 123003}), no auto-record for one-to-one calls ({@code 123002}), {@code owner_id} with a tenant token.
 * Assigned hosts whose ids are not of the call's user id type ({@code ou_} for open ids) are dropped and reported in
 * {@code invalid_host_id_list}.</li>
 * <li>The reference reservation of the platform's documentation ({@link #REFERENCE_RESERVE_ID}) is preloaded,
 * owned by the app, with the documentation's reference meeting running behind it;
 * {@link EmulatorMeetings#start(String) meetings().start(reserveId)} starts one behind any other reservation.</li>
 * <li>Meetings live their life cycle: started behind a reservation, joined and left, recorded, shared, ended, each
 * step pushing the platform's {@code vc.meeting.*} event to the event URL (encrypted and signed with an encrypt key,
 * with the tenant key for store apps), whether a test drives it ({@link #meetings()}:
 * {@link EmulatorMeetings#join}, {@link EmulatorMeetings#startRecording}, ...) or the application calls the API
 * (kickout, end, recording start and stop). The endpoints apply the platform's rules: invite, end and the
 * recording's start, stop and permission take a user access token, kickout the tenant access token; ending and
 * recording need the host, in-meeting operations the operator in the meeting
 * ({@code 122003}), set host compares the host the caller saw ({@code 121006}); a recording reads as {@code 124002}
 * until ready; list by number pages through the meetings of a number (100 a minute when limits are enforced).</li>
 * <li>A meeting recorded and ended has a minute (妙记) once its recording is ready, its token the one of the
 * recording's URL, made of what was said while it was recorded ({@link EmulatorMeetings#say}): its transcript,
 * statistics, artifacts, a media file served from disk, the search, and {@code minutes.minute.generated_v1} to
 * subscribed users ({@link #minutes()}).</li>
 * <li>Store apps ({@link Builder#storeApp(String...)}): the app ticket is pushed to the application's event URL
 * ({@link #deliverEventsTo(String)}) on {@link #pushAppTicket()} and after a resend request, encrypted and signed when
 * an encrypt key is set; the app access token endpoint accepts only tickets it pushed, the tenant access token
 * endpoint only the app's tenants; each tenant's token acts in that tenant, which never sees another's reservations
 * (code {@code 121004}).</li>
 * <li>Every reply carries an {@code X-Tt-Logid} header; requests are counted per {@link Endpoint} (the VC API's per
 * operation, such as {@code reserve.get}) and recorded.</li>
 * <li>Faults can be injected: queued for the next requests of an endpoint ({@link #failNext}) or at random
 * ({@link #injectFaults}); see {@link Fault}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
 *     emulator.springProperties(); // feishu.vc.base-url, feishu.vc.app-id, feishu.vc.app-secret
 * }
 * }</pre>
 */
public final class FeishuVcEmulator implements AutoCloseable {

	/**
	 * App id the emulator accepts unless the builder names another: of the platform's form ({@code cli_} and 16
	 * hexadecimal digits), which official clients check.
	 */
	public static final String DEFAULT_APP_ID = "cli_e0a1a70000000001";

	/** App secret the emulator accepts unless the builder names another. */
	public static final String DEFAULT_APP_SECRET = "emulator-app-secret";

	/** Id of the preloaded reservation: the response example of the platform's "get reserve" document. */
	public static final String REFERENCE_RESERVE_ID = "6911188411934973028";

	/** Header carrying the log id of each reply. */
	public static final String LOG_ID_HEADER = "X-Tt-Logid";

	/** Key of the tenant of a self-built app. */
	public static final String DEFAULT_TENANT_KEY = "emulated_tenant";

	/** Verification token the emulator's events carry unless the builder names another. */
	public static final String DEFAULT_VERIFICATION_TOKEN = "emulator-verification-token";

	private final EmulatorServer server;

	private final EmulatedPlatform platform;

	private final EmulatedApp app;

	private final EmulatorRooms rooms;

	private final EmulatorMeetings meetings;

	private final EmulatorExports exports;

	private final EmulatorAlerts alerts;

	private final EmulatorMinutes minutes;

	private final EmulatorAgents agents;

	private final ControlApi control;

	private final Clock clock;

	private final EmulatedState state;

	/** What the emulator started from and goes back to on a reset, if a state was given. */
	private final @Nullable String initialState;

	private FeishuVcEmulator(EmulatorSettings settings) {
		this.app = settings.app();
		this.clock = settings.clock();
		this.server = new EmulatorServer(settings);
		this.platform = this.server.platform();
		this.rooms = new EmulatorRooms(this.platform::rooms, this.platform::roomBookings, this.app);
		this.meetings = new EmulatorMeetings(this.platform);
		this.exports = new EmulatorExports(this.platform::exports);
		this.alerts = new EmulatorAlerts(this.platform::alerts, this.platform.replies(), this.app);
		this.minutes = new EmulatorMinutes(this.platform::minutes, this.app.defaultTenant());
		this.agents = new EmulatorAgents(this.platform::agents);
		this.state = new EmulatedState(this.platform);
		this.initialState = settings.initialState();
		if (this.initialState != null) {
			try {
				this.state.load(this.initialState);
			}
			catch (RuntimeException ex) {
				this.server.close();
				throw ex;
			}
		}
		List<ControlOperation> operations = new ArrayList<>(ControlPlatformOperations.operations(this, this.platform.replies().mapper()));
		operations.addAll(ControlTenantOperations.operations(this, this.platform.replies().mapper()));
		this.control = new ControlApi(this.platform.replies().mapper(), operations, controlUrl());
		this.server.control(this.control);
	}

	/**
	 * Start an emulator with the default app id, secret and token lifetime.
	 * @return the running emulator; close it when done
	 */
	public static FeishuVcEmulator start() {
		return builder().start();
	}

	/**
	 * A builder to start an emulator with other settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Base URL to set as {@code feishu.vc.base-url}, such as {@code http://127.0.0.1:53127}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Where the control API answers: {@link #baseUrl()} and {@code /_emulator}, the same test hooks as this class's
	 * over HTTP (described at {@code /_emulator/openapi.json}), for tests in another process or language.
	 * @return the control API's URL
	 */
	public String controlUrl() {
		return baseUrl() + "/_emulator";
	}

	/**
	 * The port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * The app id the token endpoint accepts.
	 * @return the app id
	 */
	public String appId() {
		return this.app.appId();
	}

	/**
	 * The app secret the token endpoint accepts.
	 * @return the app secret
	 */
	public String appSecret() {
		return this.app.appSecret();
	}

	/**
	 * The Spring properties that point the starter at this emulator: {@code feishu.vc.base-url},
	 * {@code feishu.vc.app-id}, {@code feishu.vc.app-secret}, for a store app {@code feishu.vc.app-type}, then the
	 * credentials of its pushes: {@code feishu.vc.events.verification-token} and, if one is set,
	 * {@code feishu.vc.events.encrypt-key}. A self-built app's event endpoint stays off until
	 * {@code feishu.vc.events.enabled=true}.
	 * @return the properties, in that order
	 */
	public Map<String, String> springProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("feishu.vc.base-url", baseUrl());
		properties.put("feishu.vc.app-id", this.app.appId());
		properties.put("feishu.vc.app-secret", this.app.appSecret());
		if (this.app.store()) {
			properties.put("feishu.vc.app-type", "store");
		}
		properties.put("feishu.vc.events.verification-token", this.app.verificationToken());
		if (this.app.encryptKey() != null) {
			properties.put("feishu.vc.events.encrypt-key", this.app.encryptKey());
		}
		return properties;
	}

	/**
	 * The keys of the tenants that installed the app: those given to {@link Builder#storeApp(String...)}, or
	 * {@link #DEFAULT_TENANT_KEY} for a self-built app.
	 * @return the tenant keys
	 */
	public List<String> tenants() {
		return this.app.tenants();
	}

	/**
	 * Where the platform pushes the app's events (its app tickets among them), as the app's event request URL in
	 * the developer console says; after this, asking for the app ticket again pushes one there.
	 * @param eventUrl the URL of the application's event endpoint, such as
	 * {@code http://127.0.0.1:8080/feishu/events}
	 */
	public void deliverEventsTo(String eventUrl) {
		this.platform.events().deliverTo(eventUrl);
	}

	/** The control API, its operations declared once. */
	ControlApi control() {
		return this.control;
	}

	/** Whether an event URL is set. */
	boolean hasEventUrl() {
		return this.platform.events().hasEventUrl();
	}

	/**
	 * Says that no event URL will come (the application of a Spring test has no web server), and why: an event a
	 * test pushes with nowhere to go then fails at once with this reason.
	 * @param reason what the test should change
	 */
	void noEventDestination(String reason) {
		this.platform.pusher().noDestination(reason);
	}

	/**
	 * How many of the platform's own events (a meeting's life cycle, rooms, notes, ...) were dropped because they had
	 * nowhere to go: no event URL and no long connection, as under {@code @SpringBootTest}'s default {@code MOCK}
	 * environment, where {@link #meetings()} steps still succeed. Events a test pushes itself
	 * ({@link #pushEvent}, {@link #pushAppTicket()}) fail instead.
	 * @return the dropped events
	 */
	public int droppedEvents() {
		return this.platform.events().dropped();
	}

	/**
	 * The events the application did not acknowledge in time, held to be pushed again as the platform does: an
	 * answer other than HTTP 200, one later than 3 seconds, or a failed acknowledgement on the long connection gets
	 * the same event (its id unchanged) pushed again 15 seconds, 5 minutes, 1 hour and 6 hours later, on the
	 * emulator's clock ({@link Builder#clock}: a test moves it on rather than waiting), then given up. The app ticket
	 * and the URL check are not pushed again.
	 * @return the events held, the soonest due first
	 */
	public List<PendingDelivery> pendingDeliveries() {
		return this.platform.events().pendingDeliveries();
	}

	/**
	 * Push a new app ticket to the event URL now, as the platform does every hour; encrypted and signed when the
	 * app has an encrypt key.
	 * @return how the application answered
	 * @throws IllegalStateException if no event URL is set
	 */
	public EventDelivery pushAppTicket() {
		return this.platform.events().pushAppTicket();
	}

	/**
	 * Push an event in the platform's version 2 format now, with a fresh event id: down a long connection once an
	 * application asked for one, else to the event URL. With neither yet (an application still starting), it waits up
	 * to five seconds for either; at once it fails when none will come (a test's application without a web server,
	 * under {@link AutoConfigureFeishuVcEmulator}). Not acknowledged in time, it is pushed again later
	 * ({@link #pendingDeliveries()}).
	 * @param eventType the event type, such as {@code vc.meeting.all_meeting_started_v1}
	 * @param tenantKey the tenant the event happened in
	 * @param eventJson the {@code event} object
	 * @return how the application answered
	 * @throws IllegalArgumentException if the event JSON is not an object
	 * @throws IllegalStateException if no application asked for a long connection and no event URL was set, saying
	 * so
	 */
	public EventDelivery pushEvent(String eventType, String tenantKey, String eventJson) {
		return this.platform.events().pushEvent(eventType, tenantKey, eventJson);
	}

	/**
	 * Make the check the developer console makes when the event URL is saved: a {@code url_verification} request
	 * that the application must answer with the challenge.
	 * @param challenge the challenge
	 * @return how the application answered
	 * @throws IllegalStateException if no event URL is set
	 */
	public EventDelivery verifyEventUrl(String challenge) {
		return this.platform.events().verifyEventUrl(challenge);
	}

	/**
	 * Add (or replace) a reservation owned by the app, so the tenant access token can read it.
	 * @param reserveJson the {@code reserve} object as the platform sends it; must have a string {@code id}
	 * @return the reservation's id
	 */
	public String addReserve(String reserveJson) {
		return addTenantReserve(this.app.defaultTenant(), reserveJson);
	}

	/**
	 * Add (or replace) a reservation owned by a store app in one of its tenants: only that tenant's token can read
	 * it; other tenants get HTTP 404 / code {@code 121004}.
	 * @param tenantKey the tenant
	 * @param reserveJson the {@code reserve} object as the platform sends it; must have a string {@code id}
	 * @return the reservation's id
	 * @throws IllegalArgumentException if the tenant did not install the app
	 */
	public String addTenantReserve(String tenantKey, String reserveJson) {
		if (!this.app.tenants().contains(tenantKey)) {
			throw new IllegalArgumentException("Tenant " + tenantKey + " did not install the app; tenants: "
					+ this.app.tenants());
		}
		return this.platform.reserves().add(reserveJson, Caller.app(tenantKey));
	}

	/**
	 * Add (or replace) a reservation a user made; the app's tenant access token gets HTTP 403 / code
	 * {@code 121005} for it, the user's access token can use it.
	 * @param reserveJson the {@code reserve} object as the platform sends it; must have a string {@code id}
	 * @param ownerUserId the owning user's id
	 * @return the reservation's id
	 */
	public String addReserve(String reserveJson, String ownerUserId) {
		return this.platform.reserves().add(reserveJson, Caller.user(this.app.defaultTenant(), ownerUserId));
	}

	/**
	 * The stored reservation, as get would return it to its owner.
	 * @param reserveId the reservation's id
	 * @return the {@code reserve} JSON, empty if there is none (for example after delete)
	 */
	public Optional<String> findReserve(String reserveId) {
		return this.platform.reserves().find(reserveId);
	}

	/**
	 * The meeting rooms: what a test reads of them, and the bookings it makes.
	 * @return the rooms
	 */
	public EmulatorRooms rooms() {
		return this.rooms;
	}

	/**
	 * The scopes granted to the app and its users: all of them, until a test withholds some.
	 * @return the scopes
	 */
	public EmulatorScopes scopes() {
		return this.platform.scopes();
	}

	/**
	 * The export tasks: what a test changes of the next task or download.
	 * @return the exports
	 */
	public EmulatorExports exports() {
		return this.exports;
	}

	/**
	 * The alert centre: alerts a test raises.
	 * @return the alerts
	 */
	public EmulatorAlerts alerts() {
		return this.alerts;
	}

	/**
	 * The minutes of recorded meetings: what a test reads of them, adds, or breaks.
	 * @return the minutes
	 */
	public EmulatorMinutes minutes() {
		return this.minutes;
	}

	/**
	 * The meetings reservations become: the test hooks that hold them (people join and leave, record, share, end).
	 * @return the meetings
	 */
	public EmulatorMeetings meetings() {
		return this.meetings;
	}

	/**
	 * The meeting agents: invite the app's agent, put the tenant outside the gray release, read what it sent.
	 * @return the agents
	 */
	public EmulatorAgents agents() {
		return this.agents;
	}

	/**
	 * How many long connections are open: once the app asked for one, its events go down them (one connection chosen
	 * at random, waiting up to 10 s for one to be open), no longer to the event URL; the platform's limit of {@value EmulatedLongConnections#CONNECTION_LIMIT}
	 * open connections is enforced.
	 * @return the open connections
	 */
	public int longConnectionCount() {
		return this.platform.longConnections().count();
	}

	/**
	 * How many pings the long connections sent.
	 * @return the pings
	 */
	public int longConnectionPings() {
		return this.platform.longConnections().pings();
	}

	/**
	 * Drop every open long connection, without a close frame, as a network failure would; an event that was not
	 * acknowledged is sent again once a connection is open.
	 */
	public void dropLongConnections() {
		this.platform.longConnections().dropAll();
	}

	/**
	 * Let every open long connection go silent without closing, as a half-open socket does when a NAT or firewall
	 * drops the flow: nothing the client sends is read (no pong, no acknowledgement) and nothing reaches it, while the
	 * platform still counts it open and may choose it for an event (which, unacknowledged, is sent again three seconds
	 * later). Connections opened afterwards are not silent.
	 */
	public void silenceLongConnections() {
		this.platform.longConnections().silenceAll();
	}

	/**
	 * Refuse the handshakes of new long connections with the platform's connection-limit error (HTTP 514,
	 * {@code Handshake-Autherrcode: 1000040350}), or accept them again.
	 * @param refuse whether to refuse them
	 */
	public void refuseLongConnections(boolean refuse) {
		this.platform.longConnections().refuse(refuse);
	}

	/**
	 * Send each event down a long connection in this many fragments ({@code sum} frames, {@code seq} from 0), as the
	 * platform sends large ones; 1, the default, sends each whole.
	 * @param fragments the fragments of each event
	 */
	public void splitEventsInto(int fragments) {
		if (fragments < 1) {
			throw new IllegalArgumentException("An event is sent in at least one frame");
		}
		this.platform.longConnections().fragments(fragments);
	}

	/**
	 * Issue a user access token ({@code u-...}) for a user, valid for the token lifetime; calls made with it act
	 * as that user.
	 * @param userId the user's id, such as an open id {@code ou_...}
	 * @return the token
	 */
	public String issueUserAccessToken(String userId) {
		return this.platform.tokens().issueUserAccessToken(userId);
	}

	/**
	 * The user the authorize endpoint ({@code /open-apis/authen/v1/authorize}) signs in from now on; until set,
	 * {@code ou_emulated_user}. Sign-in runs offline: the endpoint redirects back at once with a code.
	 * @param userId the user's open id
	 */
	public void signInAs(String userId) {
		this.platform.userLogin().signInAs(userId);
	}

	/**
	 * Expire every user access token issued so far: calls made with them get code {@code 99991677} (user access token
	 * expired) and the token endpoint refreshes them for a refresh token.
	 */
	public void expireUserAccessTokens() {
		this.platform.tokens().expireUserAccessTokens();
	}

	/**
	 * Refuse every refresh token issued so far ({@code invalid_grant}), as when a user revokes the app's access: the
	 * user has to sign in again.
	 */
	public void revokeRefreshTokens() {
		this.platform.userLogin().revokeRefreshTokens();
	}

	/**
	 * Expire every token issued so far, as if their lifetime had passed: calls made with them get code
	 * {@code 99991663} and the token endpoint issues new ones.
	 */
	public void expireTokens() {
		this.platform.tokens().expireAll();
	}

	/**
	 * How many requests the enforced rate limits refused with HTTP 429 ({@link Builder#enforceRateLimits},
	 * {@link Builder#limitTokenEndpoints}).
	 * @return the count, {@code 0} when no limits are enforced
	 */
	public int rateLimitedRequests() {
		return this.platform.gateway().rateLimited();
	}

	/**
	 * Enforce the gateway's rate limits from now on, as {@link Builder#enforceRateLimits} does from start: per app,
	 * tenant and VC endpoint, each endpoint held to the lower of these and the limit its page documents; the windows
	 * start afresh.
	 * @param perSecond most requests of one endpoint and tenant in any second
	 * @param perMinute most requests of one endpoint and tenant in any minute
	 * @throws IllegalArgumentException if a limit is not positive
	 */
	public void enforceRateLimits(int perSecond, int perMinute) {
		this.platform.gateway().rateLimits(new EmulatorSettings.Limits(perSecond, perMinute));
	}

	/**
	 * Enforce from now on only the limits the platform documents for its slower endpoints (rooms' writes: 20 a
	 * minute), as an emulator started without {@link Builder#enforceRateLimits} does.
	 */
	public void liftRateLimits() {
		this.platform.gateway().rateLimits(null);
	}

	/**
	 * How many requests reached one of the platform's own endpoints since start or the last {@link #resetRequests()},
	 * failed ones included.
	 * @param endpoint the endpoint
	 * @return the count
	 */
	public int requestCount(Endpoint endpoint) {
		return this.platform.gateway().requests().count(endpoint.name());
	}

	/**
	 * How many requests reached an endpoint of the VC API since start or the last {@link #resetRequests()}, failed
	 * ones included.
	 * @param operation the endpoint's operation, such as {@code reserve.get} or {@code meeting.list_by_no}
	 * @return the count
	 * @throws IllegalArgumentException if no VC endpoint has that operation
	 */
	public int requestCount(String operation) {
		return this.platform.gateway().requests().count(VcRoutes.operation(operation));
	}

	/**
	 * The requests received since start or the last {@link #resetRequests()}, oldest first (the latest 10,000).
	 * @return a copy of the recorded requests
	 */
	public List<RecordedRequest> requests() {
		return this.platform.gateway().requests().all();
	}

	/**
	 * The latest request that reached one of the platform's own endpoints.
	 * @param endpoint the endpoint
	 * @return the request, empty if none since start or the last {@link #resetRequests()}
	 */
	public Optional<RecordedRequest> lastRequest(Endpoint endpoint) {
		return this.platform.gateway().requests().last(endpoint.name());
	}

	/**
	 * The latest request that reached an endpoint of the VC API.
	 * @param operation the endpoint's operation, such as {@code reserve.get}
	 * @return the request, empty if none since start or the last {@link #resetRequests()}
	 * @throws IllegalArgumentException if no VC endpoint has that operation
	 */
	public Optional<RecordedRequest> lastRequest(String operation) {
		return this.platform.gateway().requests().last(VcRoutes.operation(operation));
	}

	/**
	 * Answer the next requests to one of the platform's own endpoints with a fault, in order, before any random fault.
	 * @param endpoint the endpoint
	 * @param fault the fault
	 * @param times how many requests get it
	 */
	public void failNext(Endpoint endpoint, Fault fault, int times) {
		this.platform.gateway().faults().failNext(endpoint.name(), fault, times);
	}

	/**
	 * Answer the next requests to an endpoint of the VC API with a fault, in order, before any random fault.
	 * @param operation the endpoint's operation, such as {@code reserve.get}
	 * @param fault the fault
	 * @param times how many requests get it
	 * @throws IllegalArgumentException if no VC endpoint has that operation
	 */
	public void failNext(String operation, Fault fault, int times) {
		this.platform.gateway().faults().failNext(VcRoutes.operation(operation), fault, times);
	}

	/**
	 * Answer a share of all requests with faults picked at random, for load and chaos tests.
	 * @param rate the share of requests that get a fault, from 0 to 1
	 * @param faults the faults to pick from
	 */
	public void injectFaults(double rate, Fault... faults) {
		if (rate < 0 || rate > 1) {
			throw new IllegalArgumentException("rate must be between 0 and 1");
		}
		this.platform.gateway().faults().inject(rate, List.of(faults));
	}

	/**
	 * Stop injecting faults, queued and random.
	 */
	public void clearFaults() {
		this.platform.gateway().faults().clear();
	}

	/**
	 * Forget recorded requests and zero the counts.
	 */
	public void resetRequests() {
		this.platform.gateway().requests().reset();
	}

	/**
	 * The emulator's state as a JSON document, to read what a test made of the tenant or to start another emulator
	 * from it ({@link Builder#state}, {@link #loadState}): the reservations (with the tenant and the user that made
	 * each), the meetings in progress (host, topic, who is in them, whether they record, the reservation behind
	 * each), every tenant's rooms, and the users' access tokens still valid.
	 * @return the state document
	 */
	public String state() {
		return this.state.export().toString();
	}

	/**
	 * Add what a state document lists to the emulator, replacing what has the same id: reservations and rooms
	 * replaced, meetings started (pushing their events, as starting them would; one already running under its id is
	 * left as it is), participants joined, recordings started, users' access tokens issued with the values given.
	 * Its shape is checked before anything changes.
	 * @param stateJson the state document, as {@link #state()} writes it
	 * @throws IllegalArgumentException if it is not of the state's shape, naming the section, entry and field
	 */
	public void loadState(String stateJson) {
		this.state.load(stateJson);
	}

	/**
	 * Move the emulator's clock on, as if that much time had passed: tokens issued expire on it, events not
	 * acknowledged are pushed again on it (15 seconds, 5 minutes, 1 hour and 6 hours later), exports and reservations
	 * expire on it. For an emulator not given a clock ({@link Builder#clock}): a test that gave one moves its own.
	 * @param by how far, not negative
	 * @return how far the clock was moved on since start, in all
	 * @throws IllegalStateException if the emulator was given a clock
	 * @throws IllegalArgumentException if {@code by} is negative
	 */
	public Duration advanceClock(Duration by) {
		if (!(this.clock instanceof AdvancedClock advanced)) {
			throw new IllegalStateException("This emulator runs on the clock it was given: move that one on");
		}
		return advanced.advance(by);
	}

	/**
	 * What time it is on the emulator's clock.
	 * @return the emulator's now
	 */
	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * Go back to the tenant the emulator started with, for a test that shares one emulator with others: the
	 * reservations, meetings, rooms, notes, exports, alerts, minutes and agents of start-up (and of
	 * {@link Builder#state}), every scope granted, no fault queued or injected, the request log and counts empty, the
	 * rate limits of start-up, no event held for a push again (what was due of the old tenant goes nowhere), the long
	 * connections' faults lifted. Kept, as they belong to the application's clients, which go on working: the tokens
	 * and sign-ins issued, the event URL and the open long connections. Families taken before ({@link #meetings()},
	 * {@link #rooms()}, ...) act on the new tenant.
	 */
	public void reset() {
		this.platform.reset();
		if (this.initialState != null) {
			this.state.load(this.initialState);
		}
	}

	/**
	 * Stop the emulator.
	 */
	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * Settings of an emulator to start.
	 */
	public static final class Builder {

		String appId = DEFAULT_APP_ID;

		String appSecret = DEFAULT_APP_SECRET;

		Duration tokenLifetime = Duration.ofHours(2);

		Duration userTokenLifetime = Duration.ofHours(2);

		Clock clock = new AdvancedClock();

		Duration slowResponseDelay = Duration.ofSeconds(30);

		Duration rateLimitReset = Duration.ofSeconds(1);

		@Nullable List<String> tenants;

		String verificationToken = DEFAULT_VERIFICATION_TOKEN;

		@Nullable String encryptKey;

		EmulatorSettings.@Nullable Limits enforcedRateLimits;

		EmulatorSettings.@Nullable Limits tokenEndpointLimits;

		Duration recordingProcessingTime = Duration.ofMillis(100);

		Duration exportProcessingTime = Duration.ofMillis(300);

		Duration noteGenerationTime = Duration.ofMillis(100);

		Duration noteDetailLag = Duration.ofMillis(200);

		Duration longConnectionPingInterval = Duration.ofSeconds(120);

		Duration longConnectionReconnectInterval = Duration.ofSeconds(1);

		int longConnectionReconnectCount = -1;

		/** How long an event with nowhere to go yet waits for an application to ask for a connection or give a URL. */
		Duration destinationWait = Duration.ofSeconds(5);

		int port;

		@Nullable String initialState;

		private Builder() {
		}

		/**
		 * How long after its meeting ended a recording is ready (and {@code vc.meeting.recording_ready_v1} pushed);
		 * until then reading it answers code {@code 124002} (100 ms unless set).
		 * @param recordingProcessingTime the delay
		 * @return this builder
		 */
		public Builder recordingProcessingTime(Duration recordingProcessingTime) {
			this.recordingProcessingTime = recordingProcessingTime;
			return this;
		}

		/**
		 * How long after a meeting ended its AI note is generated (and {@code vc.note.generated_v1} pushed to the
		 * attendees who subscribed; 100 ms unless set).
		 * @param noteGenerationTime the delay
		 * @return this builder
		 */
		public Builder noteGenerationTime(Duration noteGenerationTime) {
			this.noteGenerationTime = noteGenerationTime;
			return this;
		}

		/**
		 * How long after its {@code vc.note.generated_v1} a note's detail can be read ({@code GET /notes/:note_id}
		 * answers {@code 121004} until then, as the platform's can; 200 ms unless set).
		 * @param noteDetailLag the lag
		 * @return this builder
		 */
		public Builder noteDetailLag(Duration noteDetailLag) {
			this.noteDetailLag = noteDetailLag;
			return this;
		}

		/**
		 * How long an export task processes before it is done (or failed) and its file can be downloaded; until then
		 * reading it answers status {@code 1} (300 ms unless set).
		 * @param exportProcessingTime the delay
		 * @return this builder
		 */
		public Builder exportProcessingTime(Duration exportProcessingTime) {
			this.exportProcessingTime = exportProcessingTime;
			return this;
		}

		/**
		 * The interval of pings the emulator asks long connections for, in whole seconds (120 s unless set, the
		 * platform's own client's default), in the endpoint's settings and in every pong.
		 * @param pingInterval the interval, at least a second
		 * @return this builder
		 */
		public Builder longConnectionPingInterval(Duration pingInterval) {
			if (pingInterval.toSeconds() < 1 || pingInterval.getNano() != 0) {
				throw new IllegalArgumentException("The ping interval is whole seconds, at least one: " + pingInterval);
			}
			this.longConnectionPingInterval = pingInterval;
			return this;
		}

		/**
		 * How long after a dropped long connection the emulator asks the client to wait before connecting again, in
		 * whole seconds: 1 s unless set, so that tests do not wait the platform's 120 s (its random jitter of up to
		 * 30 s before the first attempt is asked as 0).
		 * @param reconnectInterval the interval
		 * @return this builder
		 */
		public Builder longConnectionReconnectInterval(Duration reconnectInterval) {
			this.longConnectionReconnectInterval = reconnectInterval;
			return this;
		}

		/**
		 * How many attempts to connect again after a dropped long connection the emulator allows the client, in the
		 * endpoint's settings and in every pong ({@code ReconnectCount}): -1 unless set, no end, as the platform asks.
		 * @param reconnectCount the attempts, or -1 for no end
		 * @return this builder
		 */
		public Builder longConnectionReconnectCount(int reconnectCount) {
			if (reconnectCount < -1) {
				throw new IllegalArgumentException("The reconnect count is -1 (no end) or at least 0");
			}
			this.longConnectionReconnectCount = reconnectCount;
			return this;
		}

		/**
		 * Enforce the gateway's rate limits as the platform does: per app, tenant and VC endpoint, sliding windows of a
		 * second and a minute counted at arrival. A request over a limit gets HTTP 429 / code {@code 99991400} with
		 * {@code x-ogw-ratelimit-reset} (the seconds until it would have been let through) and does not count.
		 * The platform's limits for the reserve APIs are 50 a second and 1000 a minute.
		 * @param perSecond most requests of one endpoint and tenant in any second
		 * @param perMinute most requests of one endpoint and tenant in any minute
		 * @return this builder
		 * @see FeishuVcEmulator#rateLimitedRequests()
		 */
		public Builder enforceRateLimits(int perSecond, int perMinute) {
			this.enforcedRateLimits = new EmulatorSettings.Limits(perSecond, perMinute);
			return this;
		}

		/**
		 * Limit the token endpoints (the tenant and app access tokens) per app, as {@link #enforceRateLimits} does the
		 * VC endpoints: the platform publishes no limits for them, so none is enforced unless set.
		 * @param perSecond most token requests of one endpoint in any second
		 * @param perMinute most token requests of one endpoint in any minute
		 * @return this builder
		 * @see FeishuVcEmulator#rateLimitedRequests()
		 */
		public Builder limitTokenEndpoints(int perSecond, int perMinute) {
			this.tokenEndpointLimits = new EmulatorSettings.Limits(perSecond, perMinute);
			return this;
		}

		/**
		 * Emulate a store (marketplace) app installed by the given tenants: tokens come from the app ticket the
		 * emulator pushes to the event URL ({@link #deliverEventsTo(String)}), each tenant has its own tenant
		 * token and its own reservations.
		 * @param tenantKeys the tenants' keys, at least one
		 * @return this builder
		 */
		public Builder storeApp(String... tenantKeys) {
			if (tenantKeys.length == 0) {
				throw new IllegalArgumentException("A store app needs at least one tenant");
			}
			this.tenants = List.of(tenantKeys);
			return this;
		}

		/**
		 * The verification token the emulator's events carry ({@link #DEFAULT_VERIFICATION_TOKEN} unless set).
		 * @param verificationToken the token
		 * @return this builder
		 */
		public Builder verificationToken(String verificationToken) {
			this.verificationToken = verificationToken;
			return this;
		}

		/**
		 * Encrypt and sign the emulator's events with this key, as the platform does for an app with an Encrypt
		 * Key (plain events unless set).
		 * @param encryptKey the key
		 * @return this builder
		 */
		public Builder encryptKey(String encryptKey) {
			this.encryptKey = encryptKey;
			return this;
		}

		/**
		 * How long {@link Fault#SLOW_RESPONSE} holds a reply back (30 seconds unless set).
		 * @param slowResponseDelay the delay
		 * @return this builder
		 */
		public Builder slowResponseDelay(Duration slowResponseDelay) {
			this.slowResponseDelay = slowResponseDelay;
			return this;
		}

		/**
		 * The wait {@link Fault#RATE_LIMITED} replies announce in {@code x-ogw-ratelimit-reset} (1 second unless
		 * set).
		 * @param rateLimitReset the wait
		 * @return this builder
		 */
		public Builder rateLimitReset(Duration rateLimitReset) {
			this.rateLimitReset = rateLimitReset;
			return this;
		}

		/**
		 * The loopback port to listen on ({@code 0}, the default: a free one, which {@link FeishuVcEmulator#port()}
		 * tells), as a standalone emulator takes a port its clients know in advance.
		 * @param port the port, from 0 to 65535
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("A port is from 0 to 65535, not " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * The state to start with, and to go back to on {@link FeishuVcEmulator#reset()}: the reservations, meetings in
		 * progress, rooms and users' tokens of a document {@link FeishuVcEmulator#state()} wrote, or one written by
		 * hand (its shape: docs/emulator.md), on top of the reference data. Checked when the emulator starts.
		 * @param stateJson the state document
		 * @return this builder
		 */
		public Builder state(String stateJson) {
			this.initialState = stateJson;
			return this;
		}

		/**
		 * The app id the token endpoint accepts.
		 * @param appId the app id
		 * @return this builder
		 */
		public Builder appId(String appId) {
			this.appId = appId;
			return this;
		}

		/**
		 * The app secret the token endpoint accepts.
		 * @param appSecret the app secret
		 * @return this builder
		 */
		public Builder appSecret(String appSecret) {
			this.appSecret = appSecret;
			return this;
		}

		/**
		 * Lifetime of the tokens the emulator issues (the platform's is two hours).
		 * @param tokenLifetime the lifetime
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * Lifetime of the user access tokens the token endpoint issues at sign-in and refresh (the platform's is two
		 * hours).
		 * @param userTokenLifetime the lifetime
		 * @return this builder
		 */
		public Builder userTokenLifetime(Duration userTokenLifetime) {
			this.userTokenLifetime = userTokenLifetime;
			return this;
		}

		/**
		 * The clock that decides when tokens expire and when events not acknowledged are pushed again, for tests
		 * that move time.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Start the emulator.
		 * @return the running emulator; close it when done
		 */
		public FeishuVcEmulator start() {
			return new FeishuVcEmulator(settings());
		}

		private EmulatorSettings settings() {
			EmulatedApp app = new EmulatedApp(this.appId, this.appSecret, this.tenants != null,
					(this.tenants != null) ? this.tenants : List.of(DEFAULT_TENANT_KEY), this.verificationToken,
					this.encryptKey);
			return new EmulatorSettings(app, this.clock, this.tokenLifetime, this.userTokenLifetime,
					this.slowResponseDelay, this.rateLimitReset, this.enforcedRateLimits, this.tokenEndpointLimits,
					this.recordingProcessingTime, this.exportProcessingTime, this.noteGenerationTime,
					this.noteDetailLag, this.longConnectionPingInterval, this.longConnectionReconnectInterval,
					this.longConnectionReconnectCount, this.destinationWait, this.port, this.initialState);
		}

	}

}
