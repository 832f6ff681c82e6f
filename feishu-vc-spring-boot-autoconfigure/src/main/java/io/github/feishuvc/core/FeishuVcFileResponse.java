package io.github.feishuvc.core;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * A file the platform answered with (HTTP 200 and a body that is not JSON), while the exchange is open: its body is
 * read at most once, and every buffer read must be released.
 *
 * @param info the attempt the file answers (its HTTP status and log id)
 * @param fileName the file's name from {@code Content-Disposition}, or {@code null} when it names none
 * @param contentLength the declared length, or {@code -1} when none was declared
 * @param body the file's bytes as they arrive; a body that breaks off after its first byte fails with a
 * {@link FeishuVcInvalidResponseException}
 */
public record FeishuVcFileResponse(CallInfo info, @Nullable String fileName, long contentLength,
		Flux<DataBuffer> body) {
}
