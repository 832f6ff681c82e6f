package io.github.feishuvc.meeting.event;

import org.jspecify.annotations.Nullable;

/**
 * The ids of a user in an event: all three kinds at once, unlike the API's answers ({@code user_id}).
 *
 * @param unionId the id across the developer's apps ({@code on_...})
 * @param userId the id within the tenant; with the {@code contact:user.employee_id:readonly} scope only
 * @param openId the id within this app ({@code ou_...})
 */
public record EventUserIds(@Nullable String unionId, @Nullable String userId, @Nullable String openId) {
}
