/**
 * A Spring Boot application that makes and reads Feishu VC reservations through
 * {@link io.github.feishuvc.reserve.ReserveOperations}, follows the meetings they become through
 * {@link io.github.feishuvc.meeting.MeetingOperations}, {@link io.github.feishuvc.meeting.RecordingOperations} and the
 * typed meeting events.
 */
@NullMarked
package io.github.feishuvc.sample;

import org.jspecify.annotations.NullMarked;
