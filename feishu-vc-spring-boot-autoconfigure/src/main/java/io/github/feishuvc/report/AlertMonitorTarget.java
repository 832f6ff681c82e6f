package io.github.feishuvc.report;

import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The monitored device that raised an alert ({@code monitor_target}).
 */
public enum AlertMonitorTarget implements CodedEnum {

	/** A Feishu meeting room (1). */
	ROOM(1),

	/** A room's check-in board (2). */
	CHECK_IN_BOARD(2),

	/** A cast box (3). */
	CAST_BOX(3),

	/** Screen sharing in a room (4). */
	ROOM_SCREEN_SHARING(4),

	/** A SIP room system (5). */
	SIP_ROOM_SYSTEM(5),

	/** An enterprise room connector node (6). */
	ROOM_CONNECTOR(6),

	/** A sensor (7). */
	SENSOR(7),

	/** A code this version does not know; the model carrying it keeps the raw code. */
	UNKNOWN(-1);

	private static final AlertMonitorTarget[] CONSTANTS = values();

	private final int code;

	AlertMonitorTarget(int code) {
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
	public static @Nullable AlertMonitorTarget fromCode(@Nullable Integer code) {
		return CodedEnum.fromCode(CONSTANTS, UNKNOWN, code);
	}

}
