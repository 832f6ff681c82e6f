package io.github.feishuvc.report;

import org.jspecify.annotations.Nullable;

/**
 * One minute of one participant's media quality in an ended meeting ({@code participant_quality} of
 * {@code GET /participant_quality_list}). Every value is the platform's display string, its unit inside
 * ({@code 100ms}, {@code 8kbps}, {@code 8%}, {@code 6dB}, {@code 1080P}), and each part repeats the minute it
 * describes, not always with its offset ({@code 2022.12.23 11:17:00}); they are kept as sent.
 *
 * @param network the network
 * @param audio the audio
 * @param video the video
 * @param screenSharing the shared screen
 * @param cpuUsage the processor's load
 */
public record ParticipantQuality(@Nullable Network network, @Nullable Audio audio, @Nullable Video video,
		@Nullable Video screenSharing, @Nullable CpuUsage cpuUsage) {

	/**
	 * The network in one minute.
	 *
	 * @param time the minute
	 * @param networkDelay the delay
	 * @param bitrateReceived the bit rate received
	 * @param packetLossAvgReceived the average packet loss received
	 * @param packetLossMaxReceived the largest packet loss received
	 * @param bitrateSent the bit rate sent
	 * @param packetLossAvgSent the average packet loss sent
	 * @param packetLossMaxSent the largest packet loss sent
	 */
	public record Network(@Nullable String time, @Nullable String networkDelay, @Nullable String bitrateReceived,
			@Nullable String packetLossAvgReceived, @Nullable String packetLossMaxReceived,
			@Nullable String bitrateSent, @Nullable String packetLossAvgSent, @Nullable String packetLossMaxSent) {
	}

	/**
	 * The audio in one minute.
	 *
	 * @param time the minute
	 * @param micInputVolume the microphone's capture volume
	 * @param speakerVolume the speaker's volume
	 * @param bitrateReceived the bit rate received
	 * @param latencyReceived the latency received
	 * @param jitterReceived the jitter received
	 * @param bitrateSent the bit rate sent
	 * @param latencySent the latency sent
	 * @param jitterSent the jitter sent
	 */
	public record Audio(@Nullable String time, @Nullable String micInputVolume, @Nullable String speakerVolume,
			@Nullable String bitrateReceived, @Nullable String latencyReceived, @Nullable String jitterReceived,
			@Nullable String bitrateSent, @Nullable String latencySent, @Nullable String jitterSent) {
	}

	/**
	 * The video, or the shared screen, in one minute.
	 *
	 * @param time the minute
	 * @param bitrateReceived the bit rate received
	 * @param latencyReceived the latency received
	 * @param jitterReceived the jitter received
	 * @param maximumResolutionReceived the highest resolution received
	 * @param framerateReceived the frame rate received
	 * @param bitrateSent the bit rate sent
	 * @param latencySent the latency sent
	 * @param jitterSent the jitter sent
	 * @param maximumResolutionSent the highest resolution sent
	 * @param framerateSent the frame rate sent
	 */
	public record Video(@Nullable String time, @Nullable String bitrateReceived, @Nullable String latencyReceived,
			@Nullable String jitterReceived, @Nullable String maximumResolutionReceived,
			@Nullable String framerateReceived, @Nullable String bitrateSent, @Nullable String latencySent,
			@Nullable String jitterSent, @Nullable String maximumResolutionSent, @Nullable String framerateSent) {
	}

	/**
	 * The processor's load in one minute.
	 *
	 * @param time the minute
	 * @param clientAvgCpuUsage the client's average load
	 * @param clientMaxCpuUsage the client's highest load
	 * @param systemAvgCpuUsage the system's average load
	 * @param systemMaxCpuUsage the system's highest load
	 */
	public record CpuUsage(@Nullable String time, @Nullable String clientAvgCpuUsage,
			@Nullable String clientMaxCpuUsage, @Nullable String systemAvgCpuUsage,
			@Nullable String systemMaxCpuUsage) {
	}

}
