/**
 * What every Feishu open platform call shares: the response envelope, {@link io.github.feishuvc.core.UserIdType},
 * the {@link io.github.feishuvc.core.FeishuVcException} hierarchy and the HTTP plumbing in
 * {@link io.github.feishuvc.core.FeishuVcClient}.
 */
@NullMarked
package io.github.feishuvc.core;

import org.jspecify.annotations.NullMarked;
