package io.github.feishuvc.room.event;

import io.github.feishuvc.meeting.event.EventUserIds;
import org.jspecify.annotations.Nullable;

/**
 * A user named in a booking rule, as its event shows it ({@code subscribe_user_event}): every kind of id.
 *
 * @param userId the user's ids
 */
public record EventSubscribeUser(@Nullable EventUserIds userId) {
}
