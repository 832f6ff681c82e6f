/**
 * The VC reserve API: {@link io.github.feishuvc.reserve.ReserveOperations}, the entry point applications inject,
 * and the immutable reserve models.
 */
@NullMarked
package io.github.feishuvc.reserve;

import org.jspecify.annotations.NullMarked;
