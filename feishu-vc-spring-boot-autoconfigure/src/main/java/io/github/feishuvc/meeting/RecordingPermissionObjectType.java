package io.github.feishuvc.meeting;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * Who a recording is shared with ({@code type} of a {@code recording_permission_object}).
 */
public enum RecordingPermissionObjectType implements CodedEnum {

	/** A user, named by their id (1). */
	USER(1),

	/** A group chat, named by its {@code open_chat_id} (2). */
	CHAT(2),

	/** Everyone in the tenant; no id (3). */
	TENANT(3),

	/** Anyone on the internet with the link; no id (4). */
	PUBLIC(4),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final RecordingPermissionObjectType[] CONSTANTS = values();

	private final int code;

	RecordingPermissionObjectType(int code) {
		this.code = code;
	}

	@Override
	public int code() {
		return this.code;
	}

	/**
	 * The constant for a platform code.
	 * @param code the raw code
	 * @return the constant, {@link #UNKNOWN} for an unrecognised code, {@code null} for {@code null}
	 */
	public static @Nullable RecordingPermissionObjectType fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
