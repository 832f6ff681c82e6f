package io.github.feishuvc.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import io.github.feishuvc.auth.CachingTenantAccessTokenProvider;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.ClientRateLimiter;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcTransportException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.RecordingOperations;
import io.github.feishuvc.report.AlertOperations;
import io.github.feishuvc.report.AlertQuery;
import io.github.feishuvc.report.MeetingDataOperations;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.report.ReportOperations;
import io.github.feishuvc.reserve.ExpireStatus;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.reserve.ReserveResult;
import io.github.feishuvc.reserve.ReserveUpdateRequest;
import io.github.feishuvc.room.ReserveConfigOperations;
import io.github.feishuvc.room.Room;
import io.github.feishuvc.room.RoomConfigOperations;
import io.github.feishuvc.room.RoomLevelOperations;
import io.github.feishuvc.room.RoomOperations;
import io.github.feishuvc.room.ScopeType;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.LogCapture;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.EmulatorRooms;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link FeishuVcAutoConfiguration}.
 */
class FeishuVcAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FeishuVcAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
		.withPropertyValues(TestFeishu.FAST_SHUTDOWN);

	private FeishuVcEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = FeishuVcEmulator.start();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	private ApplicationContextRunner withEmulator() {
		return this.contextRunner.withPropertyValues(this.emulator.springProperties()
			.entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	@Nested
	class Beans {

		@Test
		void shouldProvideReserveOperationsThatReadsAReservation() {
			withEmulator().run((context) -> {
				assertThat(context).hasSingleBean(ReserveOperations.class)
					.hasSingleBean(ReserveOperations.class)
					.hasSingleBean(CachingTenantAccessTokenProvider.class)
					.hasSingleBean(FeishuVcClient.class)
					.hasSingleBean(FeishuVcExecutor.class)
					.hasSingleBean(ClientRateLimiter.class)
					.doesNotHaveBean(WebClient.class);
				Reserve reserve = context.getBean(ReserveOperations.class)
					.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
					.block();
				assertThat(reserve.meetingNo()).isEqualTo("112000358");
			});
		}

		@Test
		void shouldProvideMeetingAndRecordingOperationsOnTheSameExecutor() {
			withEmulator().withPropertyValues("feishu.vc.user-id-type=union_id").run((context) -> {
				assertThat(context).hasSingleBean(MeetingOperations.class)
					.hasSingleBean(MeetingOperations.class)
					.hasSingleBean(RecordingOperations.class)
					.hasSingleBean(RecordingOperations.class)
					.hasSingleBean(FeishuVcExecutor.class);
				FeishuVcEmulator emulator = FeishuVcAutoConfigurationTests.this.emulator;
				String meetingId = emulator.meetings().start(FeishuVcEmulator.REFERENCE_RESERVE_ID);
				Meeting meeting = context.getBean(MeetingOperations.class).get(meetingId).block();
				assertThat(meeting.meetingNo()).isEqualTo("112000358");
				assertThat(emulator.lastRequest("meeting.get").orElseThrow().uri())
					.contains("?user_id_type=union_id");
				StepVerifier.create(context.getBean(RecordingOperations.class).get(meetingId))
					.expectError(FeishuVcNotFoundException.class)
					.verify();
			});
		}

		@Test
		void shouldUseTheConfiguredUserIdType() {
			withEmulator().withPropertyValues("feishu.vc.user-id-type=union_id").run((context) -> {
				assertThat(context.getBean(FeishuVcProperties.class).getUserIdType()).isEqualTo(UserIdType.UNION_ID);
				context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				assertThat(FeishuVcAutoConfigurationTests.this.emulator.requests())
					.anySatisfy((request) -> assertThat(request.uri()).endsWith("?user_id_type=union_id"));
			});
		}

		@Test
		void shouldBindDefaults() {
			withEmulator().run((context) -> {
				FeishuVcProperties properties = context.getBean(FeishuVcProperties.class);
				assertThat(properties.isEnabled()).isTrue();
				assertThat(properties.getUserIdType()).isEqualTo(UserIdType.OPEN_ID);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.getToken().getRefreshBeforeExpiry()).isEqualTo(Duration.ofMinutes(5));
			});
			new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
				.run((context) -> assertThat(context.getBean(FeishuVcProperties.class).getBaseUrl())
					.isEqualTo("https://open.feishu.cn"));
		}

		@Test
		void shouldNotShowTheAppSecretInThePropertiesToString() {
			withEmulator().run((context) -> assertThat(context.getBean(FeishuVcProperties.class).toString())
				.doesNotContain(FeishuVcEmulator.DEFAULT_APP_SECRET)
				.contains("appSecret=[masked]", FeishuVcEmulator.DEFAULT_APP_ID));
		}

		@Test
		void shouldNameThePropertyOfAnInvalidValue() {
			withEmulator().withPropertyValues("feishu.vc.retry.jitter=1.5")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessage("feishu.vc.retry.jitter must be between 0 and 1"));
			withEmulator().withPropertyValues("feishu.vc.rate-limit.per-second=0")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("feishu.vc.rate-limit.per-second"));
		}

		@Test
		void shouldRefuseDurationsThatMustBePositiveNamingTheProperty() {
			for (String property : List.of("feishu.vc.events.max-clock-skew=0", "feishu.vc.connect-timeout=0s",
					"feishu.vc.pool.pending-acquire-timeout=-1s", "feishu.vc.shared-state.timeout=0",
					"feishu.vc.store-app.tenant-idle-time=0", "feishu.vc.retry.initial-backoff=-100ms",
					"feishu.vc.retry.max-backoff=-1s", "feishu.vc.token.refresh-before-expiry=-5m",
					"feishu.vc.pool.max-pending-acquires=0")) {
				String name = property.substring(0, property.indexOf('='));
				withEmulator().withPropertyValues(property)
					.run((context) -> assertThat(context).hasFailed()
						.getFailure()
						.rootCause()
						.hasMessageContaining(name));
			}
		}

		@Test
		void shouldWarnOfAPlainHttpBaseUrlToAnotherMachineOnly() {
			try (LogCapture logs = LogCapture.of(FeishuVcClient.class.getName(), Level.WARN)) {
				new FeishuVcClient(WebClient.create(), "http://127.0.0.1:8080");
				new FeishuVcClient(WebClient.create(), "http://localhost:8080");
				new FeishuVcClient(WebClient.create(), "https://open.feishu.cn");
				assertThat(logs.lines()).isEmpty();
				new FeishuVcClient(WebClient.create(), "http://feishu-proxy.internal");
				assertThat(logs.lines()).singleElement()
					.satisfies((line) -> assertThat(line).contains("http://feishu-proxy.internal", "unencrypted"));
			}
		}

		@Test
		void shouldRejectABaseUrlThatIsNotHttp() {
			withEmulator().withPropertyValues("feishu.vc.base-url=open.feishu.cn")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("must start with https:// or http://"));
		}

	}

	@Nested
	class BackOff {

		@Test
		void shouldBackOffWhenUserDefinesReserveOperations() {
			withEmulator().withBean(ReserveOperations.class, UserReserveOperations::new).run((context) -> {
				assertThat(context).hasSingleBean(ReserveOperations.class);
				assertUsersOwn(context, ReserveOperations.class);
				assertThat(context.getBean(ReserveOperations.class)).isInstanceOf(UserReserveOperations.class);
			});
		}

		@Test
		void shouldProvideTheRoomOperationsWithTheConfiguredUserIdType() {
			withEmulator().withPropertyValues("feishu.vc.user-id-type=union_id").run((context) -> {
				assertThat(context).hasSingleBean(RoomOperations.class)
					.hasSingleBean(RoomLevelOperations.class)
					.hasSingleBean(RoomConfigOperations.class)
					.hasSingleBean(ReserveConfigOperations.class);
				assertThat(context.getBean(RoomOperations.class).list(EmulatorRooms.REFERENCE_LEVEL_ID)
					.map(Room::name)
					.collectList()
					.block()).containsExactly("Everest", "Kilimanjaro");
				assertThat(FeishuVcAutoConfigurationTests.this.emulator.lastRequest("room.list").orElseThrow().uri())
					.contains("user_id_type=union_id");
				assertThat(context.getBean(RoomLevelOperations.class).get(EmulatorRooms.REFERENCE_LEVEL_ID).block()
					.customGroupId()).isEqualTo("HQ");
				assertThat(context.getBean(ReserveConfigOperations.class)
					.reserveScope(EmulatorRooms.REFERENCE_ROOM_IDS.get(0), ScopeType.ROOM)
					.block()
					.reserveScopeConfig()
					.allowAllUsers()).isTrue();
				assertThat(context.getBean(RoomConfigOperations.class)
					.get(ScopeType.ROOM_LEVEL, EmulatorRooms.REFERENCE_LEVEL_ID)
					.block()
					.currentConfig()
					.scopeId()).isEqualTo(EmulatorRooms.REFERENCE_LEVEL_ID);
			});
		}

		@Test
		void shouldBackOffWhenUserDefinesRoomOperations() {
			withEmulator().withBean(RoomOperations.class, () -> mock(RoomOperations.class))
				.withBean(RoomLevelOperations.class, () -> mock(RoomLevelOperations.class))
				.withBean(RoomConfigOperations.class, () -> mock(RoomConfigOperations.class))
				.withBean(ReserveConfigOperations.class, () -> mock(ReserveConfigOperations.class))
				.run((context) -> {
					assertThat(context).hasSingleBean(RoomOperations.class)
						.hasSingleBean(RoomLevelOperations.class)
						.hasSingleBean(RoomConfigOperations.class)
						.hasSingleBean(ReserveConfigOperations.class)
						.hasSingleBean(ReserveOperations.class);
					assertUsersOwn(context, RoomOperations.class, RoomLevelOperations.class, RoomConfigOperations.class,
							ReserveConfigOperations.class);
				});
		}

		@Test
		void shouldProvideTheMeetingDataOperationsWithTheExportSettings() {
			withEmulator().withPropertyValues("feishu.vc.user-id-type=union_id", "feishu.vc.export.poll-interval=20ms",
					"feishu.vc.export.max-poll-interval=40ms", "feishu.vc.export.await-timeout=5s")
				.run((context) -> {
					assertThat(context).hasSingleBean(MeetingDataOperations.class)
						.hasSingleBean(ReportOperations.class)
						.hasSingleBean(AlertOperations.class)
						.hasSingleBean(ExportOperations.class);
					assertThat(context.getBean(FeishuVcExportProperties.class).getDownloadTimeout())
						.isEqualTo(Duration.ofMinutes(30));
					Instant from = Instant.now().minus(Duration.ofHours(1));
					Instant to = Instant.now().plusSeconds(60);
					assertThat(context.getBean(MeetingDataOperations.class).meetings(MeetingListQuery.between(from, to))
						.collectList()
						.block()).isEmpty();
					assertThat(FeishuVcAutoConfigurationTests.this.emulator.lastRequest("meeting_list.get")
						.orElseThrow()
						.uri()).contains("user_id_type=union_id");
					assertThat(context.getBean(ReportOperations.class).daily(from, to).block().totalMeetingCount())
						.isZero();
					assertThat(context.getBean(AlertOperations.class).list(AlertQuery.between(from, to))
						.collectList()
						.block()).isEmpty();
					ExportOperations exports = context.getBean(ExportOperations.class);
					assertThat(exports.meetings(MeetingListQuery.between(from, to)).flatMap(exports::awaitFile).block()
						.fileToken()).isNotBlank();
				});
		}

		@Test
		void shouldBackOffWhenUserDefinesMeetingDataOperations() {
			withEmulator().withBean(MeetingDataOperations.class, () -> mock(MeetingDataOperations.class))
				.withBean(ReportOperations.class, () -> mock(ReportOperations.class))
				.withBean(AlertOperations.class, () -> mock(AlertOperations.class))
				.withBean(ExportOperations.class, () -> mock(ExportOperations.class))
				.run((context) -> {
					assertThat(context).hasSingleBean(MeetingDataOperations.class)
						.hasSingleBean(ReportOperations.class)
						.hasSingleBean(AlertOperations.class)
						.hasSingleBean(ExportOperations.class);
					assertUsersOwn(context, MeetingDataOperations.class, ReportOperations.class, AlertOperations.class,
							ExportOperations.class);
				});
		}

		@Test
		void shouldRefuseAnExportWaitThatPollsSlowerThanItsLongestInterval() {
			withEmulator().withPropertyValues("feishu.vc.export.poll-interval=10s",
					"feishu.vc.export.max-poll-interval=1s")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("feishu.vc.export.max-poll-interval"));
		}

		@Test
		void shouldBackOffWhenUserDefinesMeetingOrRecordingOperations() {
			withEmulator().withBean(MeetingOperations.class, () -> mock(MeetingOperations.class))
				.withBean(RecordingOperations.class, () -> mock(RecordingOperations.class))
				.run((context) -> {
					assertThat(context).hasSingleBean(MeetingOperations.class)
						.hasSingleBean(RecordingOperations.class)
						.hasSingleBean(ReserveOperations.class);
					assertUsersOwn(context, MeetingOperations.class, RecordingOperations.class);
				});
		}

		@Test
		void shouldBackOffWhenUserDefinesATokenProviderAndNeedNoCredentials() {
			FixedTenantToken tokens = new FixedTenantToken("t-from-the-users-vault");
			contextRunner.withPropertyValues("feishu.vc.base-url=" + FeishuVcAutoConfigurationTests.this.emulator.baseUrl())
				.withBean(TenantAccessTokenProvider.class, () -> tokens)
				.run((context) -> {
					assertThat(context).hasNotFailed().doesNotHaveBean(CachingTenantAccessTokenProvider.class);
					assertThat(context.getBean(TenantAccessTokenProvider.class)).isSameAs(tokens);
					StepVerifier.create(context.getBean(ReserveOperations.class).get("1"))
						.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("code=99991663"))
						.verify();
				});
		}

		@Test
		void shouldBackOffWhenUserDefinesAFeishuVcClient() {
			FeishuVcClient client = TestFeishu.client(FeishuVcAutoConfigurationTests.this.emulator.baseUrl());
			withEmulator().withBean(FeishuVcClient.class, () -> client).run((context) -> {
				assertThat(context.getBean(FeishuVcClient.class)).isSameAs(client);
				assertThat(context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block())
					.isNotNull();
			});
		}

		@Test
		void shouldBackOffWhenUserDefinesAnExecutor() {
			FeishuVcExecutor executor = TestFeishu.executor(FeishuVcAutoConfigurationTests.this.emulator.baseUrl());
			withEmulator().withBean(FeishuVcExecutor.class, () -> executor)
				.run((context) -> assertThat(context.getBean(FeishuVcExecutor.class)).isSameAs(executor));
		}

		@Test
		void shouldBackOffWhenUserDefinesARateLimiter() {
			ClientRateLimiter limiter = new ClientRateLimiter(5, 100, Duration.ofSeconds(1),
					reactor.core.scheduler.Schedulers.parallel());
			withEmulator().withBean(ClientRateLimiter.class, () -> limiter)
				.run((context) -> assertThat(context.getBean(ClientRateLimiter.class)).isSameAs(limiter));
		}

		@Test
		void shouldHaveNoRateLimiterWhenItIsSwitchedOff() {
			withEmulator().withPropertyValues("feishu.vc.rate-limit.enabled=false")
				.run((context) -> assertThat(context).hasSingleBean(FeishuVcExecutor.class)
					.doesNotHaveBean(ClientRateLimiter.class));
		}

		@Test
		void shouldBeOffWhenDisabled() {
			withEmulator().withPropertyValues("feishu.vc.enabled=false")
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(ReserveOperations.class)
					.doesNotHaveBean(MeetingOperations.class)
					.doesNotHaveBean(RecordingOperations.class)
					.doesNotHaveBean(RoomOperations.class)
					.doesNotHaveBean(TenantAccessTokenProvider.class)
					.doesNotHaveBean(FeishuVcClient.class)
					.doesNotHaveBean(FeishuVcProperties.class));
		}

		@Test
		void shouldNeedNoCredentialsWhenDisabled() {
			contextRunner.withPropertyValues("feishu.vc.enabled=false").run((context) -> assertThat(context).hasNotFailed());
		}

	}

	@Nested
	class MissingCredentials {

		@Test
		void shouldFailWhenAppIdAndSecretAreMissing() {
			contextRunner.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOfSatisfying(MissingFeishuVcCredentialsException.class,
						(ex) -> assertThat(ex.getMissingProperties()).containsExactly("feishu.vc.app-id",
								"feishu.vc.app-secret")));
		}

		@Test
		void shouldFailWhenOnlyTheSecretIsMissing() {
			contextRunner.withPropertyValues("feishu.vc.app-id=cli_x", "feishu.vc.app-secret= ")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessage("Feishu VC credentials are not configured: feishu.vc.app-secret is not set"));
		}

		@Test
		void shouldExplainWhichPropertiesToSet() {
			contextRunner.run((context) -> {
				MissingFeishuVcCredentialsException cause = (MissingFeishuVcCredentialsException) context.getStartupFailure()
					.getCause()
					.getCause();
				var analysis = new MissingFeishuVcCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getCause()).isSameAs(cause);
				assertThat(analysis.getDescription())
					.contains("feishu.vc.app-id and feishu.vc.app-secret are not set");
				assertThat(analysis.getAction()).contains("Set feishu.vc.app-id and feishu.vc.app-secret",
						"FEISHU_VC_APP_ID", "feishu.vc.enabled=false");
			});
		}

		@Test
		@ExtendWith(OutputCaptureExtension.class)
		void shouldReportTheFailureAnalysisWhenAnApplicationStarts(CapturedOutput output) {
			SpringApplication application = new SpringApplication(MinimalApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);

			assertThatException().isThrownBy(application::run);

			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The Feishu VC client needs the credentials of a Feishu self-built app")
				.contains("Set feishu.vc.app-id and feishu.vc.app-secret");
		}

	}

	@Nested
	class WebClientConfiguration {

		private MockWebServer server;

		@BeforeEach
		void startServer() {
			this.server = TestFeishu.startMockServer();
			this.server.enqueue(TestFeishu.tokenResponse("t-token", 7200));
		}

		@AfterEach
		void stopServer() {
			this.server.close();
		}

		private ApplicationContextRunner withServer() {
			return contextRunner.withPropertyValues("feishu.vc.base-url=" + TestFeishu.baseUrl(this.server),
					"feishu.vc.app-id=cli_x", "feishu.vc.app-secret=secret");
		}

		@Test
		void shouldApplyTheApplicationsWebClientCustomizersAndTheFeishuCustomizer() throws InterruptedException {
			this.server.enqueue(TestFeishu.json(200, TestFeishu.referenceResponse()));
			this.server.enqueue(TestFeishu.json(200, "{}"));
			withServer().withBean("appCustomizer", WebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-App", "app"))
				.withBean(FeishuVcWebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Feishu", "vc"))
				.run((context) -> {
					context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
					this.server.takeRequest(5, TimeUnit.SECONDS);
					RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
					assertThat(request.getHeaders().get("X-App")).isEqualTo("app");
					assertThat(request.getHeaders().get("X-Feishu")).isEqualTo("vc");
					WebClient.Builder applicationBuilder = context.getBean(WebClient.Builder.class);
					applicationBuilder.build().get().uri(TestFeishu.baseUrl(this.server) + "/other").retrieve()
						.toBodilessEntity()
						.block(Duration.ofSeconds(5));
				});
			// The application's own WebClient gets its customizer but not the Feishu one.
			RecordedRequest applicationRequest = takeRequestTo("/other");
			assertThat(applicationRequest.getHeaders().get("X-App")).isEqualTo("app");
			assertThat(applicationRequest.getHeaders().get("X-Feishu")).isNull();
		}

		@Test
		void shouldApplyTheResponseTimeout() {
			this.server.enqueue(new MockResponse.Builder(TestFeishu.json(200, TestFeishu.referenceResponse()))
				.headersDelay(10, TimeUnit.SECONDS)
				.build());
			withServer().withPropertyValues("feishu.vc.response-timeout=300ms").run((context) -> {
				StepVerifier.create(context.getBean(ReserveOperations.class).get("1"))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcTransportException.class)
						.hasMessageContaining("reserve.get failed to reach"))
					.verify(Duration.ofSeconds(5));
			});
		}

		@Test
		void shouldDecodeFeishuJsonWhateverTheApplicationsJacksonAndCodecSettings() {
			this.server.enqueue(TestFeishu.json(200, TestFeishu.referenceResponse()
				.replace("\"meeting_no\"", "\"field_from_the_future\": {\"a\": [1]}, \"meeting_no\"")));
			withServer()
				.withPropertyValues("spring.jackson.deserialization.fail-on-unknown-properties=true",
						"spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE",
						"spring.jackson.deserialization.fail-on-null-creator-properties=true",
						"spring.jackson.deserialization.fail-on-missing-creator-properties=true",
						"spring.jackson.default-property-inclusion=always", "spring.codec.max-in-memory-size=16")
				.run((context) -> {
					assertThat(context).hasBean("jacksonJsonMapper");
					Reserve reserve = context.getBean(ReserveOperations.class).get("6911188411934973028").block();
					assertThat(reserve.meetingNo()).isEqualTo("112000358");
					assertThat(reserve.expireStatus()).isEqualTo(ExpireStatus.UNKNOWN);
					assertThat(reserve.meetingSettings().topic()).isEqualTo("my meeting");
					assertThat(reserve.meetingSettings().callSetting().callee().pstnSipInfo().mainAddress())
						.isEqualTo("+86-02187654321");
				});
		}

		@Test
		void shouldNotFollowARedirectWithTheBearerToken() throws InterruptedException {
			this.server.enqueue(new MockResponse.Builder().code(302)
				.setHeader("Location", TestFeishu.baseUrl(this.server) + "/elsewhere")
				.build());
			this.server.enqueue(TestFeishu.json(200, TestFeishu.referenceResponse()));
			withServer().withPropertyValues("feishu.vc.retry.enabled=false").run((context) -> {
				StepVerifier.create(context.getBean(ReserveOperations.class).get("1"))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcInvalidResponseException.class)
						.extracting("httpStatus")
						.isEqualTo(302))
					.verify(Duration.ofSeconds(5));
			});
			this.server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getTarget()).startsWith("/open-apis/vc/v1/reserves/1");
			assertThat(this.server.takeRequest(200, TimeUnit.MILLISECONDS)).as("request to the redirect's target").isNull();
		}

		private RecordedRequest takeRequestTo(String path) throws InterruptedException {
			RecordedRequest request;
			do {
				request = this.server.takeRequest(5, TimeUnit.SECONDS);
			}
			while (request != null && !request.getTarget().equals(path));
			assertThat(request).isNotNull();
			return request;
		}

	}

	@Test
	void shouldSpreadTheConnectionsOfCallsThatWaitedForATokenOverTheEventLoops() {
		this.emulator.close();
		// The token comes late enough for all eight calls to be waiting for it, however slow the machine.
		this.emulator = FeishuVcEmulator.builder().slowResponseDelay(Duration.ofMillis(500)).start();
		this.emulator.failNext(Endpoint.TENANT_ACCESS_TOKEN, Fault.SLOW_RESPONSE, 1);
		withEmulator().run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			// All eight continue on the loop that read the token; colocated, their connections would all live there.
			Set<String> loops = Flux.range(0, 8)
				.flatMap((i) -> reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
					.map((reserve) -> Thread.currentThread().getName()))
				.collect(Collectors.toSet())
				.block(Duration.ofSeconds(10));
			assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);
			assertThat(loops).as("event loops that read the responses").hasSizeGreaterThan(1);
		});
	}

	@Test
	void shouldShareOneTokenFetchBetweenCalls() {
		withEmulator().run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			for (int i = 0; i < 3; i++) {
				reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
			}
			assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);
			assertThat(this.emulator.requestCount("reserve.get")).isEqualTo(3);
		});
	}

	/** The application's own beans of those types, not the starter's templates, which backed off. */
	private static void assertUsersOwn(org.springframework.context.ApplicationContext context, Class<?>... types) {
		for (Class<?> type : types) {
			assertThat(context.getBean(type).getClass().getName()).as(type.getSimpleName()).doesNotEndWith("Template");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.boot.context.properties.EnableConfigurationProperties(FeishuVcProperties.class)
	static class PropertiesOnly {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ FeishuVcAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class, WebClientAutoConfiguration.class })
	static class MinimalApplication {

	}

	static class UserReserveOperations implements ReserveOperations {

		@Override
		public Mono<ReserveResult> apply(ReserveApplyRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<ReserveResult> update(String reserveId, ReserveUpdateRequest request) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> delete(String reserveId) {
			return Mono.empty();
		}

		@Override
		public Mono<Reserve> get(String reserveId) {
			return Mono.empty();
		}

		@Override
		public Mono<Reserve> get(String reserveId, UserIdType userIdType) {
			return Mono.empty();
		}

		@Override
		public Mono<Meeting> getActiveMeeting(String reserveId) {
			return Mono.empty();
		}

		@Override
		public Mono<Meeting> getActiveMeeting(String reserveId, boolean withParticipants) {
			return Mono.empty();
		}

		@Override
		public ReserveOperations withUserIdType(UserIdType userIdType) {
			return this;
		}

		@Override
		public ReserveOperations withUserAccessToken(String userAccessToken) {
			return this;
		}

		@Override
		public ReserveOperations withUserAccessToken(AccessTokenSource userAccessTokens) {
			return this;
		}

		@Override
		public ReserveOperations forTenant(String tenantKey) {
			return this;
		}

	}

}
