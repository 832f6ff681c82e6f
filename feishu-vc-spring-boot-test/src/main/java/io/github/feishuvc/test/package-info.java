/**
 * {@link io.github.feishuvc.test.FeishuVcEmulator}: an in-process fake of the Feishu open platform's token and VC
 * reserve endpoints, for tests and offline runs.
 */
@NullMarked
package io.github.feishuvc.test;

import org.jspecify.annotations.NullMarked;
