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

	private final String query;

	UserIdType(String value) {
		this.value = value;
		this.query = "?user_id_type=" + value;
	}

	/**
	 * The value the platform expects in the {@code user_id_type} query parameter.
	 * @return the wire value, such as {@code open_id}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The query that asks for this kind of id, built once rather than per call.
	 * @return the query, such as {@code ?user_id_type=open_id}
	 */
	public String query() {
		return this.query;
	}

}
