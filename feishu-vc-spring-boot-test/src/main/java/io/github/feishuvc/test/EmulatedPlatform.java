package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

/**
 * The emulated open platform, independent of the HTTP server: what it holds (the app, its tokens and sign-in, each
 * family of the VC API, the scopes, the long connections) and how they are wired. Requests go through its
 * {@link EmulatedGateway}, events out through its {@link EmulatedEvents}; each family serves its own endpoints on the
 * one router of the client's declarations ({@link VcRoutes}).
 * <p>
 * Two halves, which {@link #reset()} tells apart: what the app and its clients hold (the tokens issued, sign-ins,
 * the event URL, open long connections), kept, so that a client keeps working across a reset; and the tenant's data
 * with the gateway's faults, counts and limits ({@link Families}), built afresh.
 */
final class EmulatedPlatform {

	private final EmulatorSettings settings;

	private final EmulatedApp app;

	private final Replies replies;

	private final EmulatedTokens tokens;

	private final EmulatedUserLogin userLogin;

	private final EmulatorScopes scopes;

	private final EmulatedLongConnections longConnections;

	private final EventPusher pusher;

	private volatile @Nullable String baseUrl;

	/** Each tenant's root level id, kept across resets: a client may hold one. */
	private final Map<String, String> roomRoots = new ConcurrentHashMap<>();

	private volatile Families families;

	EmulatedPlatform(EmulatorSettings settings, HttpClient pushClient) {
		EmulatedApp app = settings.app();
		Clock clock = settings.clock();
		this.settings = settings;
		this.app = app;
		this.replies = new Replies(clock);
		this.tokens = new EmulatedTokens(app, settings.tokenLifetime(), clock, this.replies);
		this.userLogin = new EmulatedUserLogin(app, this.tokens, this.replies, clock, settings.userTokenLifetime());
		this.scopes = new EmulatorScopes(this.replies, app.appId());
		this.longConnections = new EmulatedLongConnections(app, this.replies, settings.longConnectionPingInterval(),
				settings.longConnectionReconnectInterval(), Duration.ZERO, settings.longConnectionReconnectCount());
		this.pusher = new EventPusher(app, this.replies, pushClient);
		this.families = new Families(this);
	}

	/** Where the server listens, which the long connection's endpoint and the minutes' media links name. */
	void baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
		this.longConnections.baseUrl(baseUrl);
		this.families.minutes.baseUrl(baseUrl);
	}

	/**
	 * Back to the tenant of start-up: its data, the gateway's faults, counts and limits and the events held for a push
	 * again are built afresh (what was due of the old ones goes nowhere), every scope granted, the long connections'
	 * faults lifted. Kept: the tokens and sign-ins issued, the event URL and the open long connections, which belong
	 * to the app's clients.
	 */
	void reset() {
		Families old = this.families;
		Families fresh = new Families(this);
		String url = this.baseUrl;
		if (url != null) {
			fresh.minutes.baseUrl(url);
		}
		this.families = fresh;
		old.close();
		this.scopes.grantAll();
		this.longConnections.liftFaults();
	}

	EmulatedGateway gateway() {
		return this.families.gateway;
	}

	EmulatedEvents events() {
		return this.families.events;
	}

	EventPusher pusher() {
		return this.pusher;
	}

	EmulatedApp app() {
		return this.app;
	}

	Replies replies() {
		return this.replies;
	}

	EmulatedTokens tokens() {
		return this.tokens;
	}

	EmulatedUserLogin userLogin() {
		return this.userLogin;
	}

	EmulatorScopes scopes() {
		return this.scopes;
	}

	EmulatedLongConnections longConnections() {
		return this.longConnections;
	}

	EmulatedReserves reserves() {
		return this.families.reserves;
	}

	EmulatedMeetings meetings() {
		return this.families.meetings;
	}

	EmulatedRecordings recordings() {
		return this.families.recordings;
	}

	RoomDirectory rooms() {
		return this.families.rooms;
	}

	EmulatedRoomBookings roomBookings() {
		return this.families.roomBookings;
	}

	EmulatedAlerts alerts() {
		return this.families.alerts;
	}

	EmulatedNotes notes() {
		return this.families.notes;
	}

	EmulatedExports exports() {
		return this.families.exports;
	}

	EmulatedAudioRecordings audioRecordings() {
		return this.families.audioRecordings;
	}

	EmulatedMinutes minutes() {
		return this.families.minutes;
	}

	EmulatedAgents agents() {
		return this.families.agents;
	}

	void close() {
		this.families.close();
	}

	/** The tenant's data and the gateway in front of it: what a reset builds afresh. */
	private static final class Families {

		final EmulatedEvents events;

		final EmulatedReserves reserves;

		final EmulatedMeetings meetings;

		final EmulatedRecordings recordings;

		final RoomDirectory rooms;

		final EmulatedRoomBookings roomBookings;

		final EmulatedAlerts alerts;

		final EmulatedNotes notes;

		final EmulatedExports exports;

		final EmulatedAudioRecordings audioRecordings;

		final EmulatedMinutes minutes;

		final EmulatedAgents agents;

		final EmulatedGateway gateway;

		Families(EmulatedPlatform platform) {
			EmulatorSettings settings = platform.settings;
			EmulatedApp app = platform.app;
			Replies replies = platform.replies;
			Clock clock = settings.clock();
			this.events = new EmulatedEvents(app, replies, clock, platform.tokens, platform.scopes, platform.pusher,
					platform.longConnections, settings.destinationWait());
			this.notes = new EmulatedNotes(replies, clock, this.events, settings.noteGenerationTime(),
					settings.noteDetailLag());
			this.minutes = new EmulatedMinutes(replies, clock, this.events);
			this.meetings = new EmulatedMeetings(replies, clock, this.events, settings.recordingProcessingTime(),
					this.notes, this.minutes);
			this.agents = new EmulatedAgents(replies, clock, this.events, this.meetings, app.appId());
			this.reserves = new EmulatedReserves(replies, clock, app.defaultTenant(), this.meetings);
			MeetingRules meetingRules = new MeetingRules(replies);
			this.recordings = new EmulatedRecordings(this.meetings, meetingRules, replies, clock, this.events);
			this.rooms = new RoomDirectory(replies, app.defaultTenant(), platform.roomRoots);
			this.roomBookings = new EmulatedRoomBookings(replies, this.rooms);
			EmulatedMeetingData meetingData = new EmulatedMeetingData(replies, clock, this.meetings);
			this.alerts = new EmulatedAlerts(replies, clock);
			this.exports = new EmulatedExports(replies, clock, meetingData, this.roomBookings,
					settings.exportProcessingTime());
			this.audioRecordings = new EmulatedAudioRecordings(replies, clock, this.events);
			VcRoutes vc = new VcRoutes();
			vc.serve(this.reserves, new EmulatedMeetingEndpoints(this.meetings, meetingRules, replies, clock),
					this.recordings, new EmulatedRooms(replies, this.events, this.rooms),
					new EmulatedRoomLevels(replies, this.events, this.rooms),
					new EmulatedRoomConfigs(replies, this.rooms),
					new EmulatedReserveConfigs(replies, this.events, this.rooms), this.roomBookings, meetingData,
					new EmulatedReports(replies, clock, this.meetings), this.alerts,
					new EmulatedMeetingSearch(replies, this.meetings), this.notes, this.exports,
					new EmulatedTranscripts(this.meetings, this.notes, meetingRules, replies), this.audioRecordings,
					this.minutes, this.agents);
			vc.checkEveryEndpointServed();
			this.gateway = new EmulatedGateway(settings, replies, platform.tokens, platform.userLogin,
					platform.longConnections, platform.scopes, this.events, vc, this.minutes);
		}

		void close() {
			this.events.close();
			this.exports.close();
			this.minutes.close();
		}

	}

}
