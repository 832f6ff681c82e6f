/**
 * The platform's meeting events, typed: an open {@link io.github.feishuvc.meeting.event.MeetingEvent} with one record
 * per event type, published as Spring application events beside the raw {@link io.github.feishuvc.events.FeishuEvent}
 * ({@code @EventListener void on(RecordingReadyEvent event)}), and the decoder that makes them.
 */
@NullMarked
package io.github.feishuvc.meeting.event;

import org.jspecify.annotations.NullMarked;
