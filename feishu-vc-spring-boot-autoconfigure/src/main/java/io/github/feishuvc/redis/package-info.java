/**
 * The state several instances of an app share through Redis ({@code feishu.vc.shared-state.type=redis}): the rate-limit
 * windows, a store app's ticket and the tokens. The only package that knows about Redis; each class falls back on the
 * instance's own memory while Redis is unavailable or slow.
 */
@NullMarked
package io.github.feishuvc.redis;

import org.jspecify.annotations.NullMarked;
