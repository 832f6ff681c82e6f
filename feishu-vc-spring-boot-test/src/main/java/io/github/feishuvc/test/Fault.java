package io.github.feishuvc.test;

/**
 * A failure {@link FeishuVcEmulator} can inject in place of (or on top of) a normal reply, to test how a client copes
 * with a flaky network and platform. Only {@link #TRUNCATED_BODY}, {@link #SLOW_RESPONSE} and {@link #STALLED_BODY} let the platform act on
 * the request; the others answer before it does.
 */
public enum Fault {

	/** Close the connection without answering. */
	DROP_CONNECTION,

	/** HTTP 502 with an HTML page, as a proxy in front of the platform sends. */
	BAD_GATEWAY_HTML,

	/** HTTP 500 with code {@code 121001} (internal error). */
	INTERNAL_ERROR,

	/** HTTP 429 with code {@code 99991400} and an {@code x-ogw-ratelimit-reset} header. */
	RATE_LIMITED,

	/** The platform's reply, cut after half its body, with the connection closed (its Content-Length promises more). */
	TRUNCATED_BODY,

	/** The platform's reply, sent only after the emulator's slow-response delay. */
	SLOW_RESPONSE,

	/** The platform's reply, half its body sent, then nothing more, the connection held open. */
	STALLED_BODY

}
