package io.github.feishuvc.minutes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.internal.MillisecondsJson;
import io.github.feishuvc.support.NodeSdkScript;
import io.github.feishuvc.support.SdkOracle;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBufferUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Node SDK ({@code @larksuiteoapi/node-sdk} 1.74.0, pinned in {@code src/test/node/package-lock.json}) as
 * the oracle of the minutes, most of which the Java SDK we test against lacks: {@code minutes-oracle.js} subscribes a
 * user to {@code minutes.minute.generated_v1}, receives it over the long connection for a meeting the user joined
 * and the test recorded, then drives every minutes endpoint on that minute (information, transcript in both formats,
 * statistics, the media URL and the file behind it, artifacts, every page of a search) and unsubscribes; the starter
 * reads the same records field by field, the same transcripts and the same media bytes. {@code .ci/run} installs the
 * SDK ({@code npm ci}); without it the test is skipped with a note.
 */
class MinutesNodeSdkOracleTests {

	private static final String USER = "ou_ada";

	private static final String HOST = "ou_host";

	private static final String TOPIC = "Roadmap review";

	@TempDir
	Path directory;

	private FeishuVcEmulator emulator;

	private NodeSdkScript node;

	@BeforeEach
	void start() {
		NodeSdkScript.assumeInstalled();
		this.emulator = FeishuVcEmulator.builder().recordingProcessingTime(Duration.ofMillis(50)).start();
	}

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void shouldDriveEveryMinutesEndpointAndReceiveTheEventAsTheStarterReadsThem() throws Exception {
		// Uploaded before the SDK subscribes (no event of them): with the meeting's, 25 minutes, three pages of 10.
		for (int i = 0; i < 24; i++) {
			this.emulator.minutes().upload(USER, TOPIC + " follow-up " + i, "Follow-up number " + i);
		}
		String userToken = this.emulator.issueUserAccessToken(USER);
		this.node = NodeSdkScript.start("minutes-oracle.js", this.emulator.baseUrl(), this.emulator.appId(),
				this.emulator.appSecret(), userToken, TOPIC);

		assertThat(this.node.next("ready").path("answer").path("code").asInt(-1)).isZero();
		String meetingId = this.emulator.meetings().startAdHoc(HOST, TOPIC);
		this.emulator.meetings().join(meetingId, USER);
		this.emulator.meetings().startRecording(meetingId);
		this.emulator.meetings().say(meetingId, USER, "The roadmap slips by a month");
		this.emulator.meetings().say(meetingId, HOST, "TODO: tell the customers");
		this.emulator.meetings().endMeeting(meetingId);

		JsonNode generated = this.node.next("event").path("data");
		String token = this.emulator.minutes().ofMeeting(meetingId).orElseThrow();
		assertThat(generated.path("event_type").asString()).isEqualTo("minutes.minute.generated_v1");
		assertThat(generated.path("minute_token").asString()).isEqualTo(token);
		assertThat(generated.path("minute_source").path("source_type").asString()).isEqualTo("meeting");
		assertThat(generated.path("minute_source").path("source_entity_id").asString()).isEqualTo(meetingId);
		assertThat(generated.path("subscriber_ids")).singleElement()
			.satisfies((ids) -> assertThat(ids.path("open_id").asString()).isEqualTo(USER));

		JsonNode minute = answer(this.node.next("minute"));
		JsonNode txt = this.node.next("transcript");
		JsonNode srt = this.node.next("transcript");
		JsonNode statistics = answer(this.node.next("statistics"));
		JsonNode media = this.node.next("media");
		JsonNode artifacts = answer(this.node.next("artifacts"));
		JsonNode search = this.node.next("search");
		assertThat(answer(this.node.next("unsubscribed")).isObject()).isTrue();
		this.node.assertEndsCleanly();

		FeishuVcExecutor executor = TestFeishu.executor(this.emulator.baseUrl());
		MinuteOperations minutes = MinuteOperations.create(executor,
				TestFeishu.tokenProvider(executor, Clock.systemUTC()), UserIdType.OPEN_ID);
		MinuteOperations user = minutes.withUserAccessToken(userToken);
		// Read before the starter's own read of the minute as the user, which counts as a view.
		SdkOracle.assertSameJson(MillisecondsJson.mapper(), minutes.statistics(token).block(),
				statistics.path("statistics"));
		assertThat(statistics.path("statistics").path("user_view_list")).singleElement()
			.satisfies((view) -> assertThat(view.path("user_id").asString()).isEqualTo(USER));
		Minute ours = user.get(token).block();
		SdkOracle.assertSameJson(MillisecondsJson.mapper(), ours, minute.path("minute"));
		assertThat(ours.title()).isEqualTo(TOPIC);
		assertThat(ours.note()).isEqualTo(this.emulator.meetings().noteOf(meetingId));

		assertThat(txt.path("format").asString()).isEqualTo("txt");
		assertThat(txt.path("text").asString()).isEqualTo(transcript(minutes, token, TranscriptFormat.TXT))
			.contains("The roadmap slips by a month");
		assertThat(srt.path("format").asString()).isEqualTo("srt");
		assertThat(srt.path("text").asString()).isEqualTo(transcript(minutes, token, TranscriptFormat.SRT))
			.contains(" --> ");

		assertThat(media.path("status").asInt()).isEqualTo(200);
		assertThat(media.path("answer").path("data").path("download_url").asString()).startsWith(this.emulator.baseUrl());
		Path written = minutes.mediaTo(token, this.directory).block(Duration.ofSeconds(10));
		assertThat(media.path("size").asLong()).isEqualTo(Files.size(written));
		assertThat(media.path("sha256").asString()).isEqualTo(sha256(written))
			.isEqualTo(sha256(this.emulator.minutes().mediaFile(token)));

		MinuteArtifacts ourArtifacts = minutes.artifacts(token).block();
		SdkOracle.assertSameJson(MillisecondsJson.mapper(), ourArtifacts, artifacts);
		assertThat(ourArtifacts.minuteTodos()).extracting(MinuteArtifacts.Todo::content)
			.containsExactly("tell the customers");

		List<MinuteSearchItem> found = user.search(MinuteSearchRequest.keyword(TOPIC)).collectList().block();
		assertThat(found).hasSize(25).extracting(MinuteSearchItem::token).contains(token);
		assertThat(search.path("pages").asInt()).isEqualTo(3);
		SdkOracle.assertSameJson(MillisecondsJson.mapper(), found, search.path("items"));
	}

	private static String transcript(MinuteOperations minutes, String token, TranscriptFormat format) {
		return DataBufferUtils.join(minutes.transcript(token, TranscriptExport.of(format))).map((buffer) -> {
			try {
				return buffer.toString(StandardCharsets.UTF_8);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).block(Duration.ofSeconds(10));
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	/** The {@code data} of an answer the SDK printed, which must have succeeded. */
	private static JsonNode answer(JsonNode line) {
		assertThat(line.path("answer").path("code").asInt(-1)).as(line.toString()).isZero();
		return line.path("answer").path("data");
	}

}
