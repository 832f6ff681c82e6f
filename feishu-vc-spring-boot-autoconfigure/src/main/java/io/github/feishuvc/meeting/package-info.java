/**
 * The meetings reservations become, and their recordings: {@link io.github.feishuvc.meeting.MeetingOperations} and
 * {@link io.github.feishuvc.meeting.RecordingOperations}, what applications inject, and their immutable models.
 */
@NullMarked
package io.github.feishuvc.meeting;

import org.jspecify.annotations.NullMarked;
