/**
 * The platform's room events, typed: an open {@link io.github.feishuvc.room.event.RoomEvent} with one record per event
 * type (rooms, levels and booking restrictions created, changed or deleted), published as Spring application events
 * beside the raw {@link io.github.feishuvc.events.FeishuEvent} ({@code @EventListener void on(RoomCreatedEvent event)}),
 * and the decoder that makes them.
 */
@NullMarked
package io.github.feishuvc.room.event;

import org.jspecify.annotations.NullMarked;
