package io.github.feishuvc.meeting;

import java.util.List;
import java.util.Objects;

import io.github.feishuvc.auth.ActingAs;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.Lists;
import io.github.feishuvc.core.PathSegment;
import io.github.feishuvc.core.ResponseReader;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.core.Violations;
import io.github.feishuvc.meeting.MeetingBodies.RecordingData;
import io.github.feishuvc.meeting.MeetingBodies.SetPermissionRequest;
import io.github.feishuvc.meeting.MeetingBodies.StartRecordingRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * {@link RecordingOperations} over a {@link FeishuVcExecutor}, built as {@link MeetingTemplate} is: checked, encoded,
 * made with the kind of token the platform accepts, and sent through the executor. Immutable and thread safe.
 */
public class RecordingTemplate implements RecordingOperations {

	private static final String MEETINGS = "/open-apis/vc/v1/meetings/";

	private static final ResponseReader<FeishuVcEnvelope<RecordingData>, Recording> RECORDING = ResponseReader
		.envelope(MeetingJson.mapper(), RecordingData.class, RecordingData::recording, "data.recording");

	private final FeishuVcExecutor executor;

	private final ActingAs actingAs;

	private final UserIdType userIdType;

	/**
	 * Create a template acting as the app.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 */
	public RecordingTemplate(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		this(executor, ActingAs.app(tenantTokens), userIdType);
	}

	private RecordingTemplate(FeishuVcExecutor executor, ActingAs actingAs, UserIdType userIdType) {
		Assert.notNull(userIdType, "userIdType must not be null");
		this.executor = executor;
		this.actingAs = actingAs;
		this.userIdType = userIdType;
	}

	@Override
	public Mono<Recording> get(String meetingId) {
		String segment = PathSegment.encode("meetingId", meetingId);
		return send("recording.get", HttpMethod.GET, MEETINGS + segment + "/recording", null, true, RECORDING);
	}

	@Override
	public Mono<Void> setPermission(String meetingId, List<RecordingPermissionObject> objects,
			RecordingPermissionAction action) {
		String segment = PathSegment.encode("meetingId", meetingId);
		List<RecordingPermissionObject> checked = Lists.required(objects, "objects");
		Violations violations = new Violations("setPermission");
		violations.addIf(checked.isEmpty(), "objects must name at least one");
		for (int i = 0; i < checked.size(); i++) {
			checkObject(violations, "objects[" + i + "]", checked.get(i));
		}
		violations.throwIfAny();
		int actionType = CodedEnum.codeToSend(action, "action");
		this.actingAs.requireUser("setPermission");
		return send("recording.set_permission", HttpMethod.PATCH,
				MEETINGS + segment + "/recording/set_permission" + this.userIdType.query(),
				MeetingJson.mapper().writeValueAsBytes(new SetPermissionRequest(checked, actionType)), false,
				ResponseReader.acknowledgement())
			.then();
	}

	private static void checkObject(Violations violations, String name, RecordingPermissionObject object) {
		RecordingPermissionObjectType type = object.type();
		boolean named = object.id() != null && !object.id().isBlank();
		if (type == null || type == RecordingPermissionObjectType.UNKNOWN) {
			violations.add(name + ".type must be USER, CHAT, TENANT or PUBLIC, was " + object.typeCode());
		}
		else if (type == RecordingPermissionObjectType.USER || type == RecordingPermissionObjectType.CHAT) {
			violations.addIf(!named, name + ".id is required for " + type);
		}
		else {
			violations.addIf(object.id() != null, name + ".id must not be set for " + type);
		}
		violations.addIf(!Objects.equals(object.permission(), RecordingPermission.VIEW),
				name + ".permission must be VIEW, the only one the platform grants, was " + object.permissionCode());
	}

	@Override
	public Mono<Void> start(String meetingId, @Nullable Integer timezone) {
		String segment = PathSegment.encode("meetingId", meetingId);
		if (timezone != null && (timezone < -12 || timezone > 12)) {
			throw new IllegalArgumentException(
					"Invalid start: timezone must be a UTC offset in hours from -12 to 12, was " + timezone);
		}
		this.actingAs.requireUser("start");
		return send("recording.start", HttpMethod.PATCH, MEETINGS + segment + "/recording/start",
				MeetingJson.mapper().writeValueAsBytes(new StartRecordingRequest(timezone)), false,
				ResponseReader.acknowledgement())
			.then();
	}

	@Override
	public Mono<Void> stop(String meetingId) {
		String segment = PathSegment.encode("meetingId", meetingId);
		this.actingAs.requireUser("stop");
		return send("recording.stop", HttpMethod.PATCH, MEETINGS + segment + "/recording/stop", null, false,
				ResponseReader.acknowledgement())
			.then();
	}

	private <T> Mono<T> send(String operation, HttpMethod method, String pathAndQuery, byte @Nullable [] body,
			boolean idempotent, ResponseReader<?, T> reader) {
		return this.executor.execute(operation, method, pathAndQuery, body, idempotent, this.actingAs.tokens(), reader);
	}

	@Override
	public RecordingOperations withUserIdType(UserIdType userIdType) {
		return new RecordingTemplate(this.executor, this.actingAs, userIdType);
	}

	@Override
	public RecordingOperations forTenant(String tenantKey) {
		return new RecordingTemplate(this.executor, this.actingAs.forTenant(tenantKey), this.userIdType);
	}

	@Override
	public RecordingOperations withUserAccessToken(String userAccessToken) {
		return new RecordingTemplate(this.executor, this.actingAs.user(userAccessToken), this.userIdType);
	}

	@Override
	public RecordingOperations withUserAccessToken(AccessTokenSource userAccessTokens) {
		return new RecordingTemplate(this.executor, this.actingAs.user(userAccessTokens), this.userIdType);
	}

	/** Never shows the user access token. */
	@Override
	public String toString() {
		return "RecordingTemplate[baseUrl=" + this.executor.baseUrl() + ", userIdType=" + this.userIdType + ", "
				+ this.actingAs + "]";
	}

}
