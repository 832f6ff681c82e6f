/**
 * The meeting data as spreadsheets: {@link io.github.feishuvc.export.ExportOperations} (export tasks, waiting for
 * them, and their files streamed or written to disk), what applications inject, and its models.
 */
@NullMarked
package io.github.feishuvc.export;

import org.jspecify.annotations.NullMarked;
