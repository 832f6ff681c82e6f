/**
 * The typed note events ({@link io.github.feishuvc.note.event.NoteEvent}), published as Spring application events.
 */
@NullMarked
package io.github.feishuvc.note.event;

import org.jspecify.annotations.NullMarked;
