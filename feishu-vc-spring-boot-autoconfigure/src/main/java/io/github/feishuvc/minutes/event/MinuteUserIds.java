package io.github.feishuvc.minutes.event;

import org.jspecify.annotations.Nullable;

/**
 * The ids of a user in a minutes event: all three kinds at once (the minutes' own type, so that the family needs no
 * other family's).
 *
 * @param unionId the id across the developer's apps ({@code on_...})
 * @param userId the id within the tenant; with the {@code contact:user.employee_id:readonly} scope only
 * @param openId the id within this app ({@code ou_...})
 */
public record MinuteUserIds(@Nullable String unionId, @Nullable String userId, @Nullable String openId) {
}
