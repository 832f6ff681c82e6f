package io.github.feishuvc.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.feishuvc.core.DefaultFeishuVcObservationConvention;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcObservationContext;
import io.github.feishuvc.core.FeishuVcObservationConvention;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.RecordingObservationHandler;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Fault;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call is a {@code feishu.vc.client} observation, parent of the WebClient's own, with low-cardinality tags and
 * its retries, token renewals and rate-limit waits counted.
 */
class ObservabilityTests {

	private FeishuVcEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.contextRunner = TestFeishu.contextRunner(this.emulator)
			.withConfiguration(AutoConfigurations.of(WebClientObservationAutoConfiguration.class))
			.withPropertyValues("feishu.vc.retry.initial-backoff=1ms");
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldObserveEachCallAsTheParentOfItsHttpRequests() {
		ObservationRegistry registry = ObservationRegistry.create();
		RecordingObservationHandler recorded = new RecordingObservationHandler();
		registry.observationConfig().observationHandler(recorded);
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();

			List<Observation.Context> calls = recorded.named("feishu.vc.client");
			assertThat(calls).hasSize(2);
			Observation.Context get = operation(calls, "reserve.get");
			assertThat(get.getContextualName()).isEqualTo("feishu reserve.get");
			assertThat(tags(get)).containsEntry("feishu.vc.operation", "reserve.get")
				.containsEntry("outcome", "SUCCESS")
				.containsEntry("feishu.vc.code", "0")
				.containsEntry("exception", "none")
				.containsEntry("feishu.vc.attempts", "1");
			Observation.Context token = operation(calls, "auth.tenant_access_token");
			assertThat(tags(token)).containsEntry("outcome", "SUCCESS");
			List<Observation.Context> httpRequests = recorded.named("http.client.requests");
			assertThat(httpRequests).hasSize(2).allSatisfy((request) -> {
				assertThat(request.getParentObservation()).isNotNull();
				assertThat(request.getParentObservation().getContextView().getName()).isEqualTo("feishu.vc.client");
			});
		});
	}

	@Test
	void shouldTagAFailureWithThePlatformsCode() {
		ObservationRegistry registry = ObservationRegistry.create();
		RecordingObservationHandler recorded = new RecordingObservationHandler();
		registry.observationConfig().observationHandler(recorded);
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			StepVerifier.create(context.getBean(ReserveOperations.class).get("missing"))
				.expectError(FeishuVcNotFoundException.class)
				.verify();

			Observation.Context get = operation(recorded.named("feishu.vc.client"), "reserve.get");
			assertThat(tags(get)).containsEntry("outcome", "PLATFORM_ERROR")
				.containsEntry("feishu.vc.code", "121004")
				.containsEntry("exception", "FeishuVcNotFoundException");
			assertThat(get.getError()).isInstanceOf(FeishuVcNotFoundException.class);
		});
	}

	@Test
	void shouldCountRetriesTokenRenewalsRateLimitWaitsAndTokenRefreshes() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("feishu.vc.rate-limit.per-second=1")
			.run((context) -> {
				ReserveOperations reserves = context.getBean(ReserveOperations.class);
				this.emulator.failNext("reserve.get", Fault.INTERNAL_ERROR, 1);
				reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				this.emulator.expireTokens();
				reserves.getActiveMeeting(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				reserves.getActiveMeeting(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();

				assertThat(meters.get("feishu.vc.client.retry").tag("feishu.vc.operation", "reserve.get").counter()
					.count()).isEqualTo(1);
				assertThat(meters.get("feishu.vc.client.token-renewal")
					.tag("feishu.vc.operation", "reserve.get_active_meeting")
					.counter()
					.count()).isEqualTo(1);
				assertThat(meters.get("feishu.vc.client.rate-limit-wait").counters()).isNotEmpty();
				assertThat(meters.get("feishu.vc.client")
					.tag("feishu.vc.operation", "auth.tenant_access_token")
					.tag("outcome", "SUCCESS")
					.timer()
					.count()).as("token refreshes").isEqualTo(2);
			});
	}

	private static Observation.Context operation(List<Observation.Context> calls, String operation) {
		return calls.stream()
			.filter((call) -> operation.equals(tags(call).get("feishu.vc.operation")))
			.findFirst()
			.orElseThrow();
	}

	private static Map<String, String> tags(Observation.Context context) {
		Map<String, String> tags = new HashMap<>();
		context.getAllKeyValues().forEach((keyValue) -> tags.put(keyValue.getKey(), keyValue.getValue()));
		return tags;
	}

	@Test
	void shouldNeverPutAnIdATokenOrTheSecretIntoATag() {
		ObservationRegistry registry = ObservationRegistry.create();
		RecordingObservationHandler recorded = new RecordingObservationHandler();
		registry.observationConfig().observationHandler(recorded);
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
			StepVerifier.create(reserves.get("missing-reserve-id")).expectError().verify();
		});
		List<String> secrets = Stream
			.concat(Stream.of(FeishuVcEmulator.REFERENCE_RESERVE_ID, "missing-reserve-id", this.emulator.appSecret()),
					this.emulator.requests().stream().map(RecordedRequest::authorization).filter(Objects::nonNull))
			.toList();
		List<String> tagValues = recorded.named("feishu.vc.client")
			.stream()
			.flatMap((observed) -> Stream.concat(observed.getLowCardinalityKeyValues().stream(),
					observed.getHighCardinalityKeyValues().stream()))
			.map(KeyValue::getValue)
			.toList();
		assertThat(tagValues).isNotEmpty();
		secrets.forEach((secret) -> assertThat(tagValues).noneSatisfy((value) -> assertThat(value).contains(secret)));
	}

	@Test
	void shouldWorkAndObserveNothingWithoutARegistry() {
		TestFeishu.contextRunner(this.emulator).run((context) -> {
			assertThat(context).doesNotHaveBean(ObservationRegistry.class).hasSingleBean(FeishuVcExecutor.class);
			assertThat(context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block())
				.isNotNull();
		});
	}

	@Test
	void shouldUseTheApplicationsConvention() {
		ObservationRegistry registry = ObservationRegistry.create();
		RecordingObservationHandler recorded = new RecordingObservationHandler();
		registry.observationConfig().observationHandler(recorded);
		FeishuVcObservationConvention custom = new DefaultFeishuVcObservationConvention() {

			@Override
			public String getName() {
				return "my.feishu";
			}

			@Override
			public String getContextualName(FeishuVcObservationContext context) {
				return context.getOperation();
			}

		};
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(FeishuVcObservationConvention.class, () -> custom)
			.run((context) -> {
				context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();
				assertThat(recorded.named("my.feishu")).hasSize(2);
			});
	}

}
