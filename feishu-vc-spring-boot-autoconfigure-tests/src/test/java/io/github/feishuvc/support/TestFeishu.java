package io.github.feishuvc.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.auth.CachingTenantAccessTokenProvider;
import io.github.feishuvc.autoconfigure.FeishuVcAutoConfiguration;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.export.ExportTiming;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.RecordingOperations;
import io.github.feishuvc.meeting.event.MeetingEventDecoder;
import io.github.feishuvc.meeting.event.ParticipantMeetingEndedEvent;
import io.github.feishuvc.report.AlertOperations;
import io.github.feishuvc.report.MeetingDataOperations;
import io.github.feishuvc.report.ReportOperations;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.room.ReserveConfigOperations;
import io.github.feishuvc.room.RoomConfigOperations;
import io.github.feishuvc.room.RoomLevelOperations;
import io.github.feishuvc.room.RoomOperations;
import io.github.feishuvc.test.FeishuVcEmulator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Building blocks the tests share: clients on real loopback HTTP and canned platform responses. */
public final class TestFeishu {

	public static final String APP_ID = FeishuVcEmulator.DEFAULT_APP_ID;

	public static final String APP_SECRET = FeishuVcEmulator.DEFAULT_APP_SECRET;

	/** Boot's own auto-configurations that give the application a {@code WebClient.Builder}. */
	public static final AutoConfigurations BOOT_WEB_CLIENT = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class, WebClientAutoConfiguration.class);

	private TestFeishu() {
	}

	/**
	 * An application with the Feishu auto-configuration and Boot's WebClient, pointed at the emulator.
	 * @param emulator the emulator
	 * @return the context runner
	 */
	public static ApplicationContextRunner contextRunner(FeishuVcEmulator emulator) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class))
			.withConfiguration(BOOT_WEB_CLIENT)
			.withPropertyValues(properties(emulator));
	}

	/** The emulator's {@code feishu.vc.*} properties as {@code name=value} pairs. */
	public static String[] properties(FeishuVcEmulator emulator) {
		return java.util.stream.Stream.concat(emulator.springProperties()
			.entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue()), java.util.stream.Stream.of(FAST_SHUTDOWN))
			.toArray(String[]::new);
	}

	/**
	 * A web application of the given type on a free loopback port, its {@code feishu.vc.*} pointed at the emulator.
	 * @param source the application's configuration
	 * @param type WebFlux or Spring MVC
	 * @param emulator the emulator
	 * @return the builder, for more properties and {@code run()}
	 */
	public static SpringApplicationBuilder webApplication(Class<?> source, WebApplicationType type,
			FeishuVcEmulator emulator) {
		return new SpringApplicationBuilder(source).web(type)
			.properties(new HashMap<String, Object>(emulator.springProperties()))
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off", FAST_SHUTDOWN);
	}

	/**
	 * The URL of a path on a running {@link #webApplication}.
	 * @param context the application
	 * @param path the path, such as {@code /feishu/events}
	 * @return the URL
	 */
	public static String url(ApplicationContext context, String path) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
	}

	/**
	 * The meeting events a meeting held behind a reservation pushes ({@link #holdMeeting}): every type but the
	 * subscribed users' {@code participant_meeting_ended_v1}.
	 * @return the event types
	 */
	public static Set<String> heldMeetingEvents() {
		Set<String> types = new TreeSet<>(MeetingEventDecoder.types());
		types.remove(ParticipantMeetingEndedEvent.TYPE);
		return types;
	}

	/**
	 * Netty's event loops end at once when a test's context closes, rather than after Reactor Netty's quiet period of
	 * two seconds, which every context of a web application would otherwise add to the suite. This module's test JVM
	 * sets the same as a system property (pom.xml), for the contexts that do not name it.
	 */
	public static final String FAST_SHUTDOWN = "spring.reactor.netty.shutdown-quiet-period=0s";

	public static FeishuVcClient client(String baseUrl) {
		return new FeishuVcClient(WebClient.builder().build(), baseUrl);
	}

	/** An executor that sends every call once, as most tests want to see each response. */
	public static FeishuVcExecutor executor(String baseUrl) {
		return new FeishuVcExecutor(client(baseUrl));
	}

	public static CachingTenantAccessTokenProvider tokenProvider(FeishuVcExecutor executor, Clock clock) {
		return new CachingTenantAccessTokenProvider(executor, APP_ID, APP_SECRET, Duration.ofMinutes(5), clock);
	}

	/**
	 * Reserve operations acting as the app, with their own executor and token provider.
	 * @param baseUrl where the platform (emulator or mock server) listens
	 * @param userIdType the user id type of calls
	 * @param clock the clock of the token cache and of end-time validation
	 * @return the template
	 */
	public static ReserveOperations reserveTemplate(String baseUrl, UserIdType userIdType, Clock clock) {
		FeishuVcExecutor executor = executor(baseUrl);
		return ReserveOperations.create(executor, tokenProvider(executor, clock), userIdType, clock);
	}

	/** Meeting operations acting as the app, with their own executor and token provider. */
	public static MeetingOperations meetingTemplate(String baseUrl, Clock clock) {
		FeishuVcExecutor executor = executor(baseUrl);
		return MeetingOperations.create(executor, tokenProvider(executor, clock), UserIdType.OPEN_ID, clock);
	}

	/**
	 * The four room templates over one executor acting as the app, with {@code open_id}s.
	 * @param baseUrl the platform's base URL
	 * @return the templates
	 */
	public static Rooms rooms(String baseUrl) {
		FeishuVcExecutor executor = executor(baseUrl);
		CachingTenantAccessTokenProvider tokens = tokenProvider(executor, Clock.systemUTC());
		return new Rooms(RoomOperations.create(executor, tokens, UserIdType.OPEN_ID),
				RoomLevelOperations.create(executor, tokens, UserIdType.OPEN_ID),
				RoomConfigOperations.create(executor, tokens, UserIdType.OPEN_ID),
				ReserveConfigOperations.create(executor, tokens, UserIdType.OPEN_ID));
	}

	/**
	 * The room templates of one executor.
	 *
	 * @param rooms the rooms
	 * @param levels the levels
	 * @param configs the rooms' configurations
	 * @param reserveConfigs the booking configurations
	 */
	public record Rooms(RoomOperations rooms, RoomLevelOperations levels, RoomConfigOperations configs,
			ReserveConfigOperations reserveConfigs) {
	}

	/**
	 * The meeting data's templates over one executor acting as the app, with {@code open_id}s; exports wait for their
	 * tasks 20 ms at first, up to 100 ms, for 10 s.
	 * @param baseUrl the platform's base URL
	 * @return the templates
	 */
	public static MeetingData meetingData(String baseUrl) {
		FeishuVcExecutor executor = executor(baseUrl);
		CachingTenantAccessTokenProvider tokens = tokenProvider(executor, Clock.systemUTC());
		return new MeetingData(MeetingDataOperations.create(executor, tokens, UserIdType.OPEN_ID, Clock.systemUTC()),
				ReportOperations.create(executor, tokens, UserIdType.OPEN_ID, Clock.systemUTC()),
				AlertOperations.create(executor, tokens, UserIdType.OPEN_ID),
				ExportOperations.create(executor, tokens, UserIdType.OPEN_ID, new ExportTiming(Duration.ofSeconds(10),
						Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(30)), Clock.systemUTC(),
						Schedulers.parallel()));
	}

	/**
	 * The meeting data's templates of one executor.
	 *
	 * @param meetingData the meetings, participants and quality
	 * @param reports the reports
	 * @param alerts the alerts
	 * @param exports the exports
	 */
	public record MeetingData(MeetingDataOperations meetingData, ReportOperations reports, AlertOperations alerts,
			ExportOperations exports) {
	}

	/** Recording operations acting as the app, with their own executor and token provider. */
	public static RecordingOperations recordingTemplate(String baseUrl) {
		FeishuVcExecutor executor = executor(baseUrl);
		return RecordingOperations.create(executor, tokenProvider(executor, Clock.systemUTC()), UserIdType.OPEN_ID);
	}

	/**
	 * A reservation for a day, owned by a user, made through the operations under test.
	 * @param reserves the operations, acting where the test wants
	 * @param ownerId the owner
	 * @param topic the meeting's topic
	 * @return the reservation
	 */
	public static Reserve reserve(ReserveOperations reserves, String ownerId, String topic) {
		return reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId(ownerId)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic(topic).build())
			.build()).block().reserve();
	}

	/**
	 * Hold the meeting of a reservation on the emulator so that it pushes each of the eleven meeting events: it starts,
	 * {@code ou_alice} joins, shares her screen and stops, the host records, Alice leaves, it ends (the recording
	 * ends, the host leaves), and the recording is ready.
	 * @param emulator the emulator
	 * @param reserveId the reservation
	 * @return the meeting's id
	 */
	public static String holdMeeting(FeishuVcEmulator emulator, String reserveId) {
		String meetingId = emulator.meetings().start(reserveId);
		emulator.meetings().join(meetingId, "ou_alice");
		emulator.meetings().startSharing(meetingId, "ou_alice");
		emulator.meetings().stopSharing(meetingId);
		emulator.meetings().startRecording(meetingId);
		emulator.meetings().leave(meetingId, "ou_alice");
		emulator.meetings().end(reserveId);
		return meetingId;
	}

	public static MockWebServer startMockServer() {
		MockWebServer server = new MockWebServer();
		try {
			server.start(InetAddress.getLoopbackAddress(), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return server;
	}

	public static String baseUrl(MockWebServer server) {
		return "http://" + server.getHostName() + ":" + server.getPort();
	}

	/** The response example of the platform's "get reserve" document, as the emulator serves it. */
	public static String referenceResponse() {
		return resource(FeishuVcEmulator.class, "reserve-get-response.json");
	}

	/** The response example of the platform's "get active meeting" document, as the emulator serves it. */
	public static String activeMeetingResponse() {
		return resource(FeishuVcEmulator.class, "get-active-meeting-response.json");
	}

	/** The response example of another document of the platform, from {@code src/test/resources/feishu}. */
	public static String documentedResponse(String name) {
		return resource(TestFeishu.class, "/feishu/" + name);
	}

	private static String resource(Class<?> base, String name) {
		try (InputStream in = base.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Answer the next request with one of the platform's errors, and check that the call reports it typed, with the
	 * code, message and log id.
	 */
	public static void assertReportsError(MockWebServer server, Mono<?> call, int status, int code, String msg,
			Class<? extends FeishuVcException> type) {
		server.enqueue(json(status, "{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"error\":{\"log_id\":\"log-" + code
				+ "\"}}"));
		StepVerifier.create(call)
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(type)
				.hasMessageContaining("code=" + code)
				.hasMessageContaining("msg=" + msg)
				.hasMessageContaining("logId=log-" + code))
			.verify();
	}

	/** The next request that is not a token fetch. */
	public static RecordedRequest takeCall(MockWebServer server) throws InterruptedException {
		RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
		if (request.getTarget().startsWith("/open-apis/auth/")) {
			request = server.takeRequest(5, TimeUnit.SECONDS);
		}
		return request;
	}

	public static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json; charset=utf-8")
			.body(body)
			.build();
	}

	public static MockResponse tokenResponse(String token, long expireSeconds) {
		return json(200, "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + token + "\",\"expire\":"
				+ expireSeconds + "}");
	}

}
