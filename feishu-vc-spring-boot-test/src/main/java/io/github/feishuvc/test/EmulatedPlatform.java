package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;

import reactor.netty.http.client.HttpClient;

/**
 * The emulated open platform, independent of the HTTP server: what it holds (the app, its tokens and sign-in, each
 * family of the VC API, the scopes, the long connections) and how they are wired. Requests go through its
 * {@link EmulatedGateway}, events out through its {@link EmulatedEvents}; each family serves its own endpoints on the
 * one router of the client's declarations ({@link VcRoutes}).
 */
final class EmulatedPlatform {

	private final EmulatedApp app;

	private final Replies replies;

	private final EmulatedTokens tokens;

	private final EmulatedUserLogin userLogin;

	private final EmulatorScopes scopes;

	private final EmulatedLongConnections longConnections;

	private final EmulatedEvents events;

	private final EmulatedReserves reserves;

	private final EmulatedMeetings meetings;

	private final EmulatedRecordings recordings;

	private final RoomDirectory rooms;

	private final EmulatedRoomBookings roomBookings;

	private final EmulatedMeetingData meetingData;

	private final EmulatedAlerts alerts;

	private final EmulatedNotes notes;

	private final EmulatedExports exports;

	private final EmulatedAudioRecordings audioRecordings;

	private final EmulatedMinutes minutes;

	private final EmulatedAgents agents;

	private final EmulatedGateway gateway;

	EmulatedPlatform(EmulatorSettings settings, HttpClient pushClient) {
		EmulatedApp app = settings.app();
		Clock clock = settings.clock();
		this.app = app;
		this.replies = new Replies(clock);
		this.tokens = new EmulatedTokens(app, settings.tokenLifetime(), clock, this.replies);
		this.userLogin = new EmulatedUserLogin(app, this.tokens, this.replies, clock, settings.userTokenLifetime());
		this.scopes = new EmulatorScopes(this.replies, app.appId());
		this.longConnections = new EmulatedLongConnections(app, this.replies, settings.longConnectionPingInterval(),
				settings.longConnectionReconnectInterval(), Duration.ZERO, settings.longConnectionReconnectCount());
		this.events = new EmulatedEvents(app, this.replies, clock, this.tokens, this.scopes,
				new EventPusher(app, this.replies, pushClient), this.longConnections, settings.destinationWait());
		this.notes = new EmulatedNotes(this.replies, clock, this.events, settings.noteGenerationTime(),
				settings.noteDetailLag());
		this.minutes = new EmulatedMinutes(this.replies, clock, this.events);
		this.meetings = new EmulatedMeetings(this.replies, clock, this.events, settings.recordingProcessingTime(),
				this.notes, this.minutes);
		this.agents = new EmulatedAgents(this.replies, clock, this.events, this.meetings, app.appId());
		this.reserves = new EmulatedReserves(this.replies, clock, app.defaultTenant(), this.meetings);
		MeetingRules meetingRules = new MeetingRules(this.replies);
		this.recordings = new EmulatedRecordings(this.meetings, meetingRules, this.replies, clock, this.events);
		this.rooms = new RoomDirectory(this.replies, app.defaultTenant());
		this.roomBookings = new EmulatedRoomBookings(this.replies, this.rooms);
		this.meetingData = new EmulatedMeetingData(this.replies, clock, this.meetings);
		this.alerts = new EmulatedAlerts(this.replies, clock);
		this.exports = new EmulatedExports(this.replies, clock, this.meetingData, this.roomBookings,
				settings.exportProcessingTime());
		this.audioRecordings = new EmulatedAudioRecordings(this.replies, clock, this.events);
		VcRoutes vc = new VcRoutes();
		vc.serve(this.reserves, new EmulatedMeetingEndpoints(this.meetings, meetingRules, this.replies, clock),
				this.recordings, new EmulatedRooms(this.replies, this.events, this.rooms),
				new EmulatedRoomLevels(this.replies, this.events, this.rooms),
				new EmulatedRoomConfigs(this.replies, this.rooms),
				new EmulatedReserveConfigs(this.replies, this.events, this.rooms), this.roomBookings, this.meetingData,
				new EmulatedReports(this.replies, clock, this.meetings), this.alerts,
				new EmulatedMeetingSearch(this.replies, this.meetings), this.notes, this.exports,
				new EmulatedTranscripts(this.meetings, this.notes, meetingRules, this.replies), this.audioRecordings,
				this.minutes, this.agents);
		vc.checkEveryEndpointServed();
		this.gateway = new EmulatedGateway(settings, this.replies, this.tokens, this.userLogin, this.longConnections,
				this.scopes, this.events, vc, this.minutes);
	}

	EmulatedGateway gateway() {
		return this.gateway;
	}

	EmulatedEvents events() {
		return this.events;
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
		return this.reserves;
	}

	EmulatedMeetings meetings() {
		return this.meetings;
	}

	EmulatedRecordings recordings() {
		return this.recordings;
	}

	RoomDirectory rooms() {
		return this.rooms;
	}

	EmulatedRoomBookings roomBookings() {
		return this.roomBookings;
	}

	EmulatedAlerts alerts() {
		return this.alerts;
	}

	EmulatedNotes notes() {
		return this.notes;
	}

	EmulatedExports exports() {
		return this.exports;
	}

	EmulatedAudioRecordings audioRecordings() {
		return this.audioRecordings;
	}

	EmulatedMinutes minutes() {
		return this.minutes;
	}

	EmulatedAgents agents() {
		return this.agents;
	}

	void close() {
		this.events.close();
		this.exports.close();
		this.minutes.close();
	}

}
