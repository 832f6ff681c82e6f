package io.github.feishuvc.meeting;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcMeetingStateException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcRecordingNotReadyException;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.support.TestFeishu;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every recording operation against a mock server over real loopback HTTP: requests, the documented response, the
 * token each needs and what each refuses before sending.
 */
class RecordingOperationsWireTests {

	private static final String OU = "ou_3ec3f6a28a0d08c45d895276e8e5e19b";

	private static final String MEETING_ID = "6911188411932033028";

	private static final String SUCCESS = "{\"code\":0,\"msg\":\"success\",\"data\":{}}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MockWebServer server;

	private RecordingOperations recordings;

	private RecordingOperations asUser;

	@BeforeEach
	void startServer() {
		this.server = TestFeishu.startMockServer();
		this.recordings = TestFeishu.recordingTemplate(TestFeishu.baseUrl(this.server));
		this.asUser = this.recordings.withUserAccessToken("u-owner");
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void shouldReadTheDocumentedRecordingAsTheApp() throws Exception {
		this.server.enqueue(TestFeishu.tokenResponse("t-tenant", 7200));
		enqueue(200, TestFeishu.documentedResponse("recording-get-response.json"));

		Recording recording = this.recordings.get(MEETING_ID).block();

		RecordedRequest request = call();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/recording");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t-tenant");
		assertThat(recording.url()).isEqualTo("https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7");
		assertThat(recording.duration()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void shouldReadTheIdsTheSdkModelKnows() {
		enqueue(200, """
				{"code":0,"data":{"recording":{"id":"7125","meeting_id":"%s","url":"u","duration":"1500"}}}
				""".formatted(MEETING_ID));

		assertThat(this.asUser.get(MEETING_ID).block())
			.isEqualTo(new Recording("7125", MEETING_ID, "u", Duration.ofMillis(1500)));
	}

	@Test
	void shouldReportARecordingStillProcessingAsNotReady() {
		enqueue(400, "{\"code\":124002,\"msg\":\"record processing\"}");

		StepVerifier.create(this.asUser.get(MEETING_ID))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcRecordingNotReadyException.class)
				.hasMessageContaining("code=124002"))
			.verify();
	}

	@Test
	void shouldShareWithTheDocumentedBody() throws Exception {
		enqueue(200, SUCCESS);

		this.asUser.withUserIdType(UserIdType.USER_ID)
			.setPermission(MEETING_ID, List.of(RecordingPermissionObject.user(OU), RecordingPermissionObject.tenant()),
					RecordingPermissionAction.REVOKE)
			.block();

		RecordedRequest request = call();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getTarget())
			.isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/recording/set_permission?user_id_type=user_id");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer u-owner");
		assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(JSON.readTree("""
				{"permission_objects": [{"id": "%s", "type": 1, "permission": 1}, {"type": 3, "permission": 1}],
				 "action_type": 1}
				""".formatted(OU)));
	}

	@Test
	void shouldRefuseWhatThePlatformWouldBeforeSending() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.recordings.setPermission(MEETING_ID, List.of(RecordingPermissionObject.tenant()),
					RecordingPermissionAction.GRANT))
			.withMessageContaining("recording.set_permission needs a user access token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.asUser.setPermission(MEETING_ID,
					List.of(new RecordingPermissionObject(null, 1, 1), new RecordingPermissionObject("x", 4, 1),
							new RecordingPermissionObject("y", 2, 2), new RecordingPermissionObject("z", 9, 1)),
					RecordingPermissionAction.GRANT))
			.withMessageContaining("objects[0].id is required for USER")
			.withMessageContaining("objects[1].id must not be set for PUBLIC")
			.withMessageContaining("objects[2].permission must be VIEW")
			.withMessageContaining("objects[3].type must be USER, CHAT, TENANT or PUBLIC, was 9");
		assertThatIllegalArgumentException().isThrownBy(() -> this.asUser.setPermission(MEETING_ID, List.of(),
				RecordingPermissionAction.GRANT));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.asUser.setPermission(MEETING_ID, List.of(RecordingPermissionObject.tenant()),
					RecordingPermissionAction.UNKNOWN));
		assertThatIllegalArgumentException().isThrownBy(() -> this.asUser.start(MEETING_ID, 13))
			.withMessageContaining("timezone must be a UTC offset in hours from -12 to 12, was 13");
		assertThatIllegalStateException().isThrownBy(() -> this.recordings.start(MEETING_ID, 8))
			.withMessageContaining("start needs a user access token");
		assertThatIllegalStateException().isThrownBy(() -> this.recordings.stop(MEETING_ID))
			.withMessageContaining("stop needs a user access token");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void shouldStartWithTheTimezoneAndStopAsTheHost() throws Exception {
		enqueue(200, SUCCESS);
		enqueue(200, SUCCESS);
		enqueue(200, SUCCESS);

		this.asUser.start(MEETING_ID, 8).block();
		this.asUser.start(MEETING_ID, null).block();
		this.asUser.stop(MEETING_ID).block();

		RecordedRequest start = call();
		assertThat(start.getMethod()).isEqualTo("PATCH");
		assertThat(start.getTarget()).isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/recording/start");
		assertThat(start.getBody().utf8()).isEqualTo("{\"timezone\":8}");
		assertThat(call().getBody().utf8()).isEqualTo("{}");
		RecordedRequest stop = call();
		assertThat(stop.getTarget()).isEqualTo("/open-apis/vc/v1/meetings/" + MEETING_ID + "/recording/stop");
		assertThat(stop.getBody().size()).isZero();
	}

	@Test
	void shouldReportTheDocumentedErrorsAndNameEachOperation() {
		List<Function<RecordingOperations, Mono<?>>> operations = List.of((ops) -> ops.get(MEETING_ID),
				(ops) -> ops.setPermission(MEETING_ID, List.of(RecordingPermissionObject.anyoneWithTheLink()),
						RecordingPermissionAction.GRANT),
				(ops) -> ops.start(MEETING_ID, null), (ops) -> ops.stop(MEETING_ID));
		List<String> names = List.of("recording.get", "recording.set_permission", "recording.start", "recording.stop");
		for (int i = 0; i < operations.size(); i++) {
			String name = names.get(i);
			enqueue(404, "{\"code\":122002,\"msg\":\"meeting not exist\",\"error\":{\"log_id\":\"log-1\"}}");
			StepVerifier.create(operations.get(i).apply(this.asUser))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcNotFoundException.class)
					.satisfies((failure) -> assertThat(((FeishuVcException) failure).operation()).isEqualTo(name))
					.hasMessageContaining("logId=log-1"))
				.verify();
			enqueue(400, "{\"code\":122003,\"msg\":\"operator user not in meeting\"}");
			StepVerifier.create(operations.get(i).apply(this.asUser))
				.expectError(FeishuVcMeetingStateException.class)
				.verify();
		}
	}

	@Test
	void shouldNeverShowTheUserAccessToken() {
		assertThat(this.asUser.toString()).contains("actingAs=user").doesNotContain("u-owner");
	}

	private void enqueue(int status, String body) {
		this.server.enqueue(TestFeishu.json(status, body));
	}

	private RecordedRequest call() throws InterruptedException {
		return TestFeishu.takeCall(this.server);
	}

}
