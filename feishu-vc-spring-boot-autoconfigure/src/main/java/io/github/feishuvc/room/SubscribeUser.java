package io.github.feishuvc.room;

import org.jspecify.annotations.Nullable;

/**
 * A user named in a booking rule: an approver, someone allowed to book, someone told ({@code subscribe_user}).
 *
 * @param userId the user's id, of the call's user id type
 * @param userName the user's name, as the platform may send it
 */
public record SubscribeUser(@Nullable String userId, @Nullable String userName) {

	/**
	 * A user by id.
	 * @param userId the user's id, of the call's user id type
	 * @return the user
	 */
	public static SubscribeUser of(String userId) {
		return new SubscribeUser(userId, null);
	}

}
