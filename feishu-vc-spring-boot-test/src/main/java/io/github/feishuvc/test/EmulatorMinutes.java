package io.github.feishuvc.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The minutes of a {@link FeishuVcEmulator} ({@link FeishuVcEmulator#minutes()}): a meeting recorded and ended has one
 * once its recording is ready (its token the one in the recording's URL), made of what was said while it was recorded
 * ({@link EmulatorMeetings#say}); this is what a test reads of them, adds, or breaks. The media file's download is
 * the {@link Endpoint#MINUTE_MEDIA} endpoint, which {@link FeishuVcEmulator#failNext(Endpoint, Fault, int)} can cut
 * ({@link Fault#TRUNCATED_BODY}).
 */
public final class EmulatorMinutes {

	/** The platform's minutes, read at each call: a reset replaces them. */
	private final Supplier<EmulatedMinutes> minutes;

	private final String tenantKey;

	EmulatorMinutes(Supplier<EmulatedMinutes> minutes, String tenantKey) {
		this.minutes = minutes;
		this.tenantKey = tenantKey;
	}

	/**
	 * The token of a meeting's minute.
	 * @param meetingId the meeting's id
	 * @return the minute's token, empty until the meeting's recording is ready
	 */
	public Optional<String> ofMeeting(String meetingId) {
		return this.minutes.get().ofMeeting(meetingId);
	}

	/**
	 * Add the minute of a file a user uploaded, in the app's own tenant: owned and readable by that user, its lines
	 * said by them a second apart; {@code minutes.minute.generated_v1} goes to them if they subscribed.
	 * @param ownerId the owner's open id
	 * @param title the minute's title
	 * @param lines what the file says
	 * @return the minute's token
	 */
	public String upload(String ownerId, String title, String... lines) {
		return this.minutes.get().upload(this.tenantKey, ownerId, title, List.of(lines));
	}

	/**
	 * A minute's transcript as the emulator exports it (see the class {@code MinuteTexts} for its layout).
	 * @param minuteToken the minute's token
	 * @param format {@code txt} or {@code srt}
	 * @param speakers whether lines name their speaker
	 * @param timestamps whether lines carry their time
	 * @return the text, or {@code null} for an unknown minute or format
	 */
	public @Nullable String transcript(String minuteToken, String format, boolean speakers, boolean timestamps) {
		return this.minutes.get().transcript(minuteToken, format, speakers, timestamps);
	}

	/**
	 * A minute's media file on disk, as its download sends it.
	 * @param minuteToken the minute's token
	 * @return the file
	 * @throws IllegalArgumentException if there is no such minute
	 */
	public Path mediaFile(String minuteToken) {
		return this.minutes.get().media(minuteToken);
	}

	/**
	 * Delete a minute: its reads answer {@code 2091004 resource deleted}, the search no longer finds it.
	 * @param minuteToken the minute's token
	 * @throws IllegalArgumentException if there is no such minute
	 */
	public void delete(String minuteToken) {
		this.minutes.get().state(minuteToken, true, false);
	}

	/**
	 * Whether a minute is still being transcribed: while it is, its reads answer {@code 2091003 minute not ready}.
	 * @param minuteToken the minute's token
	 * @param transcribing whether it is
	 * @throws IllegalArgumentException if there is no such minute
	 */
	public void transcribing(String minuteToken, boolean transcribing) {
		this.minutes.get().state(minuteToken, false, transcribing);
	}

}
