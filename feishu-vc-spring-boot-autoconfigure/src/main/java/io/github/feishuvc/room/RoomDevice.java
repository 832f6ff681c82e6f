package io.github.feishuvc.room;

import org.jspecify.annotations.Nullable;

/**
 * A facility of a room ({@code device}), such as a phone.
 *
 * @param name its name
 */
public record RoomDevice(@Nullable String name) {
}
