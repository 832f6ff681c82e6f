package io.github.feishuvc.reserve;

import java.util.List;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Who may take one meeting action ({@code action_permissions} item). Several entries for the same permission are
 * OR-ed.
 *
 * @param permissionCode the raw {@code permission} code; see {@link #permission()}
 * @param permissionCheckers the rules, OR-ed; never {@code null}
 */
public record ReserveActionPermission(@Nullable Integer permissionCode,
		List<ReservePermissionChecker> permissionCheckers) {

	/**
	 * Copies the checkers, so that the permission stays immutable.
	 * @param permissionCode the raw {@code permission} code; see {@link #permission()}
	 * @param permissionCheckers the rules, OR-ed; never {@code null}
	 */
	public ReserveActionPermission {
		permissionCheckers = Lists.immutable(permissionCheckers);
	}

	/**
	 * An action permission to send, such as
	 * {@code of(ActionPermission.CAN_JOIN_MEETING, ReservePermissionChecker.of(CheckField.TENANT_ID, CheckMode.ALLOWLIST, "tenant_key"))}.
	 * @param permission the governed action
	 * @param permissionCheckers the rules, OR-ed; at least one
	 * @return the action permission
	 */
	public static ReserveActionPermission of(ActionPermission permission,
			ReservePermissionChecker... permissionCheckers) {
		return new ReserveActionPermission(CodedEnum.codeToSend(permission, "permission"),
				Lists.required(List.of(permissionCheckers), "permissionCheckers"));
	}

	/**
	 * The action this entry governs.
	 * @return the action, {@link ActionPermission#UNKNOWN} for a code this version does not know, {@code null} if
	 * absent
	 */
	public @Nullable ActionPermission permission() {
		return ActionPermission.fromCode(this.permissionCode);
	}

}
