package io.github.feishuvc.core;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The response could not be read as the platform's JSON: an HTML page from a proxy, an empty or truncated
 * body, or JSON without the expected fields. Carries the HTTP status and a short snippet of the body.
 */
public class FeishuVcInvalidResponseException extends FeishuVcException {

	static final int MAX_SNIPPET_LENGTH = 200;

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\\b[tua]-[A-Za-z0-9._~+/=-]{6,}");

	private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

	/** The start of the body, for the message. */
	private final String bodySnippet;

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param reason what is wrong with the response
	 * @param body the body received, of which the first characters are kept
	 */
	public FeishuVcInvalidResponseException(CallInfo info, String reason, byte[] body) {
		this(info, reason, snippet(body));
	}

	/**
	 * Create the exception for a body that broke off, such as a file cut mid-way.
	 * @param info the call that failed
	 * @param reason what is wrong with the response
	 * @param cause why it broke off
	 */
	public FeishuVcInvalidResponseException(CallInfo info, String reason, Throwable cause) {
		this(info, reason, "", cause);
	}

	private FeishuVcInvalidResponseException(CallInfo info, String reason, String bodySnippet) {
		this(info, reason, bodySnippet, null);
	}

	private FeishuVcInvalidResponseException(CallInfo info, String reason, String bodySnippet,
			@Nullable Throwable cause) {
		super(info, info.operation() + " got an unreadable response (" + reason + "): " + info.describe() + ", body=\""
				+ bodySnippet + "\"", cause);
		this.bodySnippet = bodySnippet;
	}

	/**
	 * The start of the response body (at most 200 characters, whitespace collapsed, anything shaped like an
	 * access token masked).
	 * @return the body snippet, empty for an empty body
	 */
	public String bodySnippet() {
		return this.bodySnippet;
	}

	static String snippet(byte[] body) {
		int length = Math.min(body.length, MAX_SNIPPET_LENGTH * 4);
		String text = new String(body, 0, length, StandardCharsets.UTF_8);
		text = WHITESPACE.matcher(text).replaceAll(" ").strip();
		text = ACCESS_TOKEN.matcher(text).replaceAll("[masked]");
		return (text.length() <= MAX_SNIPPET_LENGTH) ? text : text.substring(0, MAX_SNIPPET_LENGTH) + "...";
	}

}
