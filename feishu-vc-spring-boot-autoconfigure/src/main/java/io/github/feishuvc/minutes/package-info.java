/**
 * The minutes (妙记, {@code /open-apis/minutes/v1}): {@link io.github.feishuvc.minutes.MinuteOperations} (a minute's
 * information, transcript, statistics, media and AI artifacts, the search, a user's subscription to the minutes of
 * their meetings), what applications inject, its immutable models, and {@link io.github.feishuvc.minutes.MinuteLinks},
 * which reads a minute's token from its link.
 */
@NullMarked
package io.github.feishuvc.minutes;

import org.jspecify.annotations.NullMarked;
