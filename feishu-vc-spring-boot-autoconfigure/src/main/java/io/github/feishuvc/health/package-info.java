/**
 * Actuator health of the Feishu VC client.
 */
@NullMarked
package io.github.feishuvc.health;

import org.jspecify.annotations.NullMarked;
