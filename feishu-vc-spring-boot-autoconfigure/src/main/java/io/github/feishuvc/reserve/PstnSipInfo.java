package io.github.feishuvc.reserve;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a phone (PSTN) or SIP callee ({@code pstn_sip_info}).
 *
 * @param nickname temporary nickname shown for the PSTN/SIP user
 * @param mainAddress the number to call, {@code [country code]-[area code][number]}, such as
 * {@code +86-02187654321}; only mainland China mobile and landline numbers are supported
 */
public record PstnSipInfo(@Nullable String nickname, @Nullable String mainAddress) {
}
