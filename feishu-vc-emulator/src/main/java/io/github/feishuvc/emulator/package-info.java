/**
 * {@link io.github.feishuvc.emulator.EmulatorCommand}: the emulator of the Feishu open platform as a server, started
 * with {@code java -jar} for tests in any language.
 */
@NullMarked
package io.github.feishuvc.emulator;

import org.jspecify.annotations.NullMarked;
