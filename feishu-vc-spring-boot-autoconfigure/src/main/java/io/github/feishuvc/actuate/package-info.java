/**
 * Actuator endpoints of the Feishu VC client, when the application has the actuator.
 */
@NullMarked
package io.github.feishuvc.actuate;

import org.jspecify.annotations.NullMarked;
