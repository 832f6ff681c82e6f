/**
 * The meeting rooms: {@link io.github.feishuvc.room.RoomOperations} (rooms and their bookings),
 * {@link io.github.feishuvc.room.RoomLevelOperations} (the tree of levels rooms hang in),
 * {@link io.github.feishuvc.room.RoomConfigOperations} (backgrounds, signage, status, deployment codes) and
 * {@link io.github.feishuvc.room.ReserveConfigOperations} (who may book, when, with what approval), what applications
 * inject, and their immutable models.
 */
@NullMarked
package io.github.feishuvc.room;

import org.jspecify.annotations.NullMarked;
