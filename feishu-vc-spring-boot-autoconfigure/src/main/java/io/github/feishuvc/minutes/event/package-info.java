/**
 * The typed minutes events ({@link io.github.feishuvc.minutes.event.MinuteEvent}), published as Spring application
 * events.
 */
@NullMarked
package io.github.feishuvc.minutes.event;

import org.jspecify.annotations.NullMarked;
