package io.github.feishuvc.events.webhook;

/**
 * Why the event endpoint refused a request: never told to the sender, who gets the same answer for every refusal,
 * but logged at DEBUG and counted ({@code feishu.vc.events.refused}, tagged with {@link #tag()}).
 */
public enum RefusalReason {

	/** The body is larger than the endpoint reads. */
	TOO_LARGE,

	/** The body is not a JSON object. */
	NOT_JSON,

	/** An encrypt key is set, but the body is not encrypted. */
	NOT_ENCRYPTED,

	/** The body is encrypted, but no encrypt key is set. */
	UNEXPECTED_ENCRYPTION,

	/**
	 * The encrypted body does not decrypt to a JSON object: not base64 of an IV and whole AES blocks, wrong padding, or
	 * a plaintext that is not JSON (one reason for all: a counter that told them apart would be a padding oracle).
	 */
	UNDECRYPTABLE,

	/**
	 * An encrypt key is set, but the request has no signature (only the URL verification, a few hundred bytes, may
	 * come without).
	 */
	MISSING_SIGNATURE,

	/** The signature does not match the body and the encrypt key. */
	BAD_SIGNATURE,

	/** A signed request has no timestamp. */
	MISSING_TIMESTAMP,

	/** The timestamp is not a number of seconds. */
	BAD_TIMESTAMP,

	/** The timestamp is further from this machine's clock than allowed: a replay, or a wrong clock. */
	STALE_TIMESTAMP,

	/** The verification token is not the app's. */
	WRONG_TOKEN,

	/** Neither a version 1 nor a version 2 event, or an event without a type. */
	NOT_AN_EVENT,

	/** The event names another app, or an app ticket names no app. */
	ANOTHER_APP,

	/** An app ticket event without a ticket. */
	NO_TICKET;

	/**
	 * The metric tag value, such as {@code bad-signature}.
	 * @return the tag value
	 */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
