package io.github.feishuvc.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request {@link FeishuVcEmulator} received.
 *
 * @param endpoint the endpoint it was routed to ({@link Endpoint#VC_API} for the VC API's)
 * @param operation the VC endpoint's operation, such as {@code reserve.get}; {@code null} for the platform's own
 * @param method the HTTP method
 * @param uri the request target exactly as received (raw path and query)
 * @param authorization the {@code Authorization} header, if any
 * @param body the request body as UTF-8 text, empty if none
 * @param receivedAt when the emulator received it, by the emulator's clock
 * @param fault the fault injected in its reply, if any
 */
public record RecordedRequest(Endpoint endpoint, @Nullable String operation, String method, String uri, @Nullable String authorization,
		String body, Instant receivedAt, @Nullable Fault fault) {
}
