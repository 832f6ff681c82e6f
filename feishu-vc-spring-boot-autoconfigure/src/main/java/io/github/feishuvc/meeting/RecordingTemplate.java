package io.github.feishuvc.meeting;

import java.util.List;
import java.util.Objects;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.internal.MeetingRequests.SetPermissionRequest;
import io.github.feishuvc.internal.MeetingRequests.StartRecordingRequest;
import io.github.feishuvc.internal.RecordingApis;
import io.github.feishuvc.internal.Violations;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link RecordingOperations} over a {@link FeishuVcExecutor}: validates each call, which the executor then
 * authenticates, rate-limits, sends and retries as its declaration ({@link RecordingApis}) says; a call made with a
 * token the platform does not take for it is refused before anything is sent. Immutable and thread safe;
 * {@link #withUserIdType}, {@link #forTenant} and {@link #withUserAccessToken} return views.
 */
final class RecordingTemplate extends FeishuTemplate<RecordingOperations> implements RecordingOperations {

	RecordingTemplate(FeishuApiCaller caller) {
		super(caller);
	}

	@Override
	protected RecordingOperations with(FeishuApiCaller caller) {
		return new RecordingTemplate(caller);
	}

	@Override
	public Mono<Recording> get(String meetingId) {
		return this.caller.call(RecordingApis.GET, meetingId);
	}

	@Override
	public Mono<Void> setPermission(String meetingId, List<RecordingPermissionObject> objects,
			RecordingPermissionAction action) {
		List<RecordingPermissionObject> checked = Lists.required(objects, "objects");
		Violations violations = new Violations("setPermission");
		violations.addIf(checked.isEmpty(), "objects must name at least one");
		for (int i = 0; i < checked.size(); i++) {
			checkObject(violations, "objects[" + i + "]", checked.get(i));
		}
		violations.throwIfAny();
		int actionType = CodedEnum.codeToSend(action, "action");
		return this.caller.call(RecordingApis.SET_PERMISSION,
				Params.path(meetingId).body(new SetPermissionRequest(checked, actionType))).then();
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
		if (timezone != null && (timezone < -12 || timezone > 12)) {
			throw new IllegalArgumentException(
					"Invalid start: timezone must be a UTC offset in hours from -12 to 12, was " + timezone);
		}
		return this.caller.call(RecordingApis.START, Params.path(meetingId).body(new StartRecordingRequest(timezone)))
			.then();
	}

	@Override
	public Mono<Void> stop(String meetingId) {
		return this.caller.call(RecordingApis.STOP, meetingId).then();
	}

}
