package io.github.feishuvc.meeting;

import org.jspecify.annotations.Nullable;

/**
 * Who a recording is shared with, and for what ({@code recording_permission_object}). Make one with the factories.
 *
 * @param id the user's id (of the call's user id type) or the chat's {@code open_chat_id}; none for the tenant or
 * the public
 * @param typeCode the raw {@code type} code; see {@link #type()}
 * @param permissionCode the raw {@code permission} code; see {@link #permission()}
 */
public record RecordingPermissionObject(@Nullable String id, @Nullable Integer typeCode,
		@Nullable Integer permissionCode) {

	/**
	 * A user may view it.
	 * @param userId the user's id, of the call's user id type
	 * @return the object
	 */
	public static RecordingPermissionObject user(String userId) {
		return of(userId, RecordingPermissionObjectType.USER);
	}

	/**
	 * The members of a group chat may view it.
	 * @param openChatId the chat's {@code open_chat_id}
	 * @return the object
	 */
	public static RecordingPermissionObject chat(String openChatId) {
		return of(openChatId, RecordingPermissionObjectType.CHAT);
	}

	/**
	 * Everyone in the tenant may view it.
	 * @return the object
	 */
	public static RecordingPermissionObject tenant() {
		return of(null, RecordingPermissionObjectType.TENANT);
	}

	/**
	 * Anyone with the link may view it, on the internet.
	 * @return the object
	 */
	public static RecordingPermissionObject anyoneWithTheLink() {
		return of(null, RecordingPermissionObjectType.PUBLIC);
	}

	private static RecordingPermissionObject of(@Nullable String id, RecordingPermissionObjectType type) {
		return new RecordingPermissionObject(id, type.code(), RecordingPermission.VIEW.code());
	}

	/**
	 * Who it is.
	 * @return the type, {@link RecordingPermissionObjectType#UNKNOWN} for a code this version does not know,
	 * {@code null} if absent
	 */
	public @Nullable RecordingPermissionObjectType type() {
		return RecordingPermissionObjectType.fromCode(this.typeCode);
	}

	/**
	 * What for.
	 * @return the permission, {@link RecordingPermission#UNKNOWN} for a code this version does not know, {@code null}
	 * if absent
	 */
	public @Nullable RecordingPermission permission() {
		return RecordingPermission.fromCode(this.permissionCode);
	}

}
