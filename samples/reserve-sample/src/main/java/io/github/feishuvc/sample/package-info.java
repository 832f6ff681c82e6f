/**
 * A Spring Boot application that reads a Feishu VC reservation through
 * {@link io.github.feishuvc.reserve.ReserveOperations}.
 */
@NullMarked
package io.github.feishuvc.sample;

import org.jspecify.annotations.NullMarked;
