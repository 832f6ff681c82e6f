package io.github.feishuvc.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What is known about the attempt of a call that failed; carried into its {@link FeishuVcException}.
 *
 * @param operation name of the operation, such as {@code reserve.get}
 * @param attempt which attempt of the call this was, from 1
 * @param httpStatus HTTP status of the response, {@code 0} when none arrived
 * @param logId the platform's log id of the response, if any
 * @param rateLimitReset how long the gateway asked to wait ({@code x-ogw-ratelimit-reset}), if it did
 */
public record CallInfo(String operation, int attempt, int httpStatus, @Nullable String logId,
		@Nullable Duration rateLimitReset) {

	/**
	 * An attempt that got no response.
	 * @param operation name of the operation
	 * @param attempt which attempt this was, from 1
	 * @return the call info
	 */
	public static CallInfo noResponse(String operation, int attempt) {
		return new CallInfo(operation, attempt, 0, null, null);
	}

	/** {@code httpStatus=502, logId=..., attempts=3}, for exception messages. */
	String describe() {
		return "httpStatus=" + this.httpStatus + ((this.logId != null) ? ", logId=" + this.logId : "")
				+ ((this.attempt > 1) ? ", attempts=" + this.attempt : "");
	}

}
