package io.github.feishuvc.reserve;

import java.util.List;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * One rule deciding who holds an action permission ({@code permission_checkers} item). Checkers of one
 * permission are OR-ed: passing any one grants it.
 *
 * @param checkFieldCode the raw {@code check_field} code; see {@link #checkField()}
 * @param checkModeCode the raw {@code check_mode} code; see {@link #checkMode()}
 * @param checkList the values compared, as {@link #checkField()} describes; never {@code null}
 */
public record ReservePermissionChecker(@Nullable Integer checkFieldCode,
		@Nullable Integer checkModeCode, List<String> checkList) {

	/**
	 * Copies the list, so that the checker stays immutable.
	 * @param checkFieldCode the raw {@code check_field} code; see {@link #checkField()}
	 * @param checkModeCode the raw {@code check_mode} code; see {@link #checkMode()}
	 * @param checkList the values compared, as {@link #checkField()} describes; never {@code null}
	 */
	public ReservePermissionChecker {
		checkList = Lists.immutable(checkList);
	}

	/**
	 * A checker to send, such as {@code of(CheckField.USER_ID, CheckMode.ALLOWLIST, "ou_...")}.
	 * @param checkField what the check list holds
	 * @param checkMode whether the list allows or blocks
	 * @param checkList the values
	 * @return the checker
	 */
	public static ReservePermissionChecker of(CheckField checkField, CheckMode checkMode, String... checkList) {
		return of(checkField, checkMode, List.of(checkList));
	}

	/**
	 * A checker to send.
	 * @param checkField what the check list holds
	 * @param checkMode whether the list allows or blocks
	 * @param checkList the values
	 * @return the checker
	 */
	public static ReservePermissionChecker of(CheckField checkField, CheckMode checkMode, List<String> checkList) {
		return new ReservePermissionChecker(CodedEnum.codeToSend(checkField, "checkField"),
				CodedEnum.codeToSend(checkMode, "checkMode"), Lists.required(checkList, "checkList"));
	}

	/**
	 * What the check list holds.
	 * @return the field, {@link CheckField#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable CheckField checkField() {
		return CheckField.fromCode(this.checkFieldCode);
	}

	/**
	 * Whether the check list allows or blocks.
	 * @return the mode, {@link CheckMode#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable CheckMode checkMode() {
		return CheckMode.fromCode(this.checkModeCode);
	}

}
