package io.github.feishuvc.minutes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.meeting.Recording;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (review of 2026-12-06): the minute's media URL is a credential (its answer and its exceptions keep it out, "it is a
 * credential"), but {@code mediaTo} fetches it through the application's WebClient, whose observations (Boot's
 * {@code http.client.requests}, applied to the starter's client on purpose) record the whole URL, pre-signed query
 * included, as the high-cardinality {@code http.url}: a tracer exports it in every span of a media download.
 */
class MinuteMediaUrlObservationTests {

	@TempDir
	Path directory;

	private final FeishuVcEmulator emulator = FeishuVcEmulator.builder()
		.recordingProcessingTime(Duration.ofMillis(20))
		.start();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldKeepTheMediasPreSignedUrlOutOfTheClientsObservations() {
		List<String> recorded = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				for (KeyValue keyValue : context.getAllKeyValues()) {
					recorded.add(keyValue.getKey() + "=" + keyValue.getValue());
				}
			}

		});
		String baseUrl = this.emulator.baseUrl();
		FeishuVcExecutor executor = new FeishuVcExecutor(
				new FeishuVcClient(WebClient.builder().observationRegistry(registry).build(), baseUrl));
		MinuteOperations minutes = MinuteOperations.create(executor,
				TestFeishu.tokenProvider(executor, Clock.systemUTC()), UserIdType.OPEN_ID);
		String meetingId = this.emulator.meetings().startAdHoc("ou_host", "Media");
		this.emulator.meetings().startRecording(meetingId);
		this.emulator.meetings().say(meetingId, "ou_host", "Something recorded");
		this.emulator.meetings().endMeeting(meetingId);
		String token = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.emulator.minutes().ofMeeting(meetingId), (found) -> found.isPresent())
			.orElseThrow();

		minutes.mediaTo(token, this.directory).block(Duration.ofSeconds(10));

		assertThat(recorded).as("what the observations of the download recorded").isNotEmpty();
		// The emulator's pre-signed URL carries its credential in the query, "?code=...", as the platform's does.
		assertThat(recorded).noneMatch((keyValue) -> keyValue.contains("?code="));
	}

}
