package io.github.feishuvc.test;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link FeishuVcEmulator.Builder} was told, fixed when the emulator starts: the emulator and its parts read
 * these, never the builder, which stays the public way to set them.
 *
 * @param app the app the platform serves: its credentials, kind, tenants and event settings
 * @param clock the clock that decides when tokens, reservations and exports expire
 * @param tokenLifetime the lifetime of app and tenant tokens
 * @param userTokenLifetime the lifetime of the user access tokens of sign-in and refresh
 * @param slowResponseDelay how long {@link Fault#SLOW_RESPONSE} holds a reply back
 * @param rateLimitReset the wait {@link Fault#RATE_LIMITED} replies announce
 * @param rateLimits the gateway's limits of the VC endpoints, or {@code null} for the documented ones only
 * @param tokenEndpointLimits the limits of the token endpoints, or {@code null} for none
 * @param recordingProcessingTime how long after its meeting ended a recording is ready
 * @param exportProcessingTime how long an export task processes
 * @param noteGenerationTime how long after its meeting ended a note is generated
 * @param noteDetailLag how long after it was generated a note's detail can be read
 * @param longConnectionPingInterval the interval of pings asked of long connections
 * @param longConnectionReconnectInterval the wait asked of a client before it connects again
 * @param longConnectionReconnectCount the attempts to connect again allowed, or -1 for no end
 * @param destinationWait how long an event with nowhere to go yet waits for a long connection or an event URL
 * @param port the loopback port to listen on, {@code 0} for a free one
 * @param initialState the state document loaded at start and on every reset, or {@code null}
 */
record EmulatorSettings(EmulatedApp app, Clock clock, Duration tokenLifetime, Duration userTokenLifetime,
		Duration slowResponseDelay, Duration rateLimitReset, @Nullable Limits rateLimits,
		@Nullable Limits tokenEndpointLimits, Duration recordingProcessingTime, Duration exportProcessingTime,
		Duration noteGenerationTime, Duration noteDetailLag, Duration longConnectionPingInterval,
		Duration longConnectionReconnectInterval, int longConnectionReconnectCount, Duration destinationWait,
		int port, @Nullable String initialState) {

	/**
	 * Rate limits of one endpoint: most requests in any second and in any minute.
	 *
	 * @param perSecond most requests in any second
	 * @param perMinute most requests in any minute
	 */
	record Limits(int perSecond, int perMinute) {

		Limits {
			if (perSecond <= 0 || perMinute <= 0) {
				throw new IllegalArgumentException(
						"Rate limits must be positive: perSecond " + perSecond + ", perMinute " + perMinute);
			}
		}

	}

}
