/**
 * Spring Boot auto-configuration for the Feishu VC client.
 */
@NullMarked
package io.github.feishuvc.autoconfigure;

import org.jspecify.annotations.NullMarked;
