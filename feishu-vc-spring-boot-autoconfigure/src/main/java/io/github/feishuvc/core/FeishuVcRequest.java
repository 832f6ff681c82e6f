package io.github.feishuvc.core;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * One attempt of a call to the platform.
 *
 * @param operation name of the operation, such as {@code reserve.get}, used in logs and exceptions
 * @param method the HTTP method
 * @param uri the absolute URI, already encoded
 * @param accessToken the bearer token, or {@code null} for the token endpoint itself
 * @param body the JSON body, or {@code null} for none
 * @param attempt which attempt of the call this is, from 1
 */
public record FeishuVcRequest(String operation, HttpMethod method, URI uri, @Nullable String accessToken,
		byte @Nullable [] body, int attempt) {

	/** Never shows the access token or the body, which may carry the app secret. */
	@Override
	public String toString() {
		return this.operation + " " + this.method + " " + this.uri.getRawPath()
				+ ((this.attempt > 1) ? " (attempt " + this.attempt + ")" : "");
	}

}
