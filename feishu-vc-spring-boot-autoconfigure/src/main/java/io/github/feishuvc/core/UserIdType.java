package io.github.feishuvc.core;

/**
 * Which kind of user id the platform uses in requests and responses ({@code user_id_type}).
 */
public enum UserIdType {

	/** The user's id within this app ({@code ou_...}); differs between apps. */
	OPEN_ID("open_id"),

	/** The user's id across the apps of one developer ({@code on_...}). */
	UNION_ID("union_id"),

	/** The user's id within the tenant; needs the {@code contact:user.employee_id:readonly} scope. */
	USER_ID("user_id");

	private final String value;

	UserIdType(String value) {
		this.value = value;
	}

	/**
	 * The value the platform expects in the {@code user_id_type} query parameter.
	 * @return the wire value, such as {@code open_id}
	 */
	public String value() {
		return this.value;
	}

}
