package io.github.feishuvc.core;

import org.jspecify.annotations.Nullable;

/**
 * What every Feishu response body carries: {@code code} ({@code 0} for success), {@code msg}, and on failure an
 * optional {@code error} object with the request's log id.
 */
public interface FeishuVcResponseBody {

	/**
	 * The platform's result code.
	 * @return {@code 0} for success, the error code otherwise, {@code null} if the body had none
	 */
	@Nullable Integer code();

	/**
	 * The platform's message.
	 * @return the message, if any
	 */
	@Nullable String msg();

	/**
	 * Error details the platform adds to failed responses.
	 * @return the details, if any
	 */
	@Nullable ErrorDetail error();

	/**
	 * The {@code error} object of a failed response.
	 *
	 * @param logId the request's log id
	 */
	record ErrorDetail(@Nullable String logId) {
	}

}
