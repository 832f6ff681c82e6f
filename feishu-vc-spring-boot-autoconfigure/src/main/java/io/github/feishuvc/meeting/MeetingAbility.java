package io.github.feishuvc.meeting;

import org.jspecify.annotations.Nullable;

/**
 * What was used in a meeting ({@code meeting_ability}).
 *
 * @param useVideo whether video was used
 * @param useAudio whether audio was used
 * @param useShareScreen whether screen sharing was used
 * @param useFollowScreen whether Magic Share was used
 * @param useRecording whether recording was used
 * @param usePstn whether PSTN (phone) was used
 */
public record MeetingAbility(@Nullable Boolean useVideo, @Nullable Boolean useAudio, @Nullable Boolean useShareScreen,
		@Nullable Boolean useFollowScreen, @Nullable Boolean useRecording, @Nullable Boolean usePstn) {
}
