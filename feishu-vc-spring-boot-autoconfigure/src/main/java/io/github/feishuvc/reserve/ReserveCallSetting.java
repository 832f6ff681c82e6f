package io.github.feishuvc.reserve;

import org.jspecify.annotations.Nullable;

/**
 * Settings of a one-to-one call ({@code call_setting}).
 *
 * @param callee the user the call rings
 */
public record ReserveCallSetting(@Nullable ReserveCallee callee) {
}
