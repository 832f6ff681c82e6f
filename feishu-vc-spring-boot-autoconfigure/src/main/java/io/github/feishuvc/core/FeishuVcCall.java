package io.github.feishuvc.core;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * A call to make through {@link FeishuVcExecutor}, before tokens and attempts.
 *
 * @param operation name of the operation, such as {@code reserve.get}
 * @param method the HTTP method
 * @param uri the absolute URI, already encoded
 * @param body the JSON body, or {@code null} for none
 * @param idempotent whether repeating the call is harmless, so that it may be retried after it may have reached
 * the platform (reads); writes are retried only when the platform certainly did not act on them
 */
public record FeishuVcCall(String operation, HttpMethod method, URI uri, byte @Nullable [] body,
		boolean idempotent) {

	FeishuVcRequest attempt(@Nullable String accessToken, int attempt) {
		return new FeishuVcRequest(this.operation, this.method, this.uri, accessToken, this.body, attempt);
	}

	/** Never shows the body, which may carry the app secret. */
	@Override
	public String toString() {
		return this.operation + " " + this.method + " " + this.uri.getRawPath();
	}

}
