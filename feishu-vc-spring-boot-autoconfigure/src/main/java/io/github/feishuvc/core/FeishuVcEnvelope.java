package io.github.feishuvc.core;

import org.jspecify.annotations.Nullable;

/**
 * The response envelope of the open APIs: {@code {"code": 0, "msg": "success", "data": {...}}}.
 *
 * @param <D> the type of {@code data}
 * @param code the result code, {@code 0} for success
 * @param msg the message
 * @param data the payload, present on success
 * @param error error details, present on some failures
 */
public record FeishuVcEnvelope<D>(@Nullable Integer code, @Nullable String msg, @Nullable D data,
		@Nullable ErrorDetail error) implements FeishuVcResponseBody {
}
