/**
 * The AI notes (智能纪要): {@link io.github.feishuvc.note.NoteOperations} (read a note, subscribe a user to the notes
 * of their meetings), what applications inject, and its immutable models.
 */
@NullMarked
package io.github.feishuvc.note;

import org.jspecify.annotations.NullMarked;
