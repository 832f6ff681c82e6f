/**
 * The typed meeting-agent events ({@link io.github.feishuvc.agent.event.AgentEvent}), published as Spring application
 * events.
 */
@NullMarked
package io.github.feishuvc.agent.event;

import org.jspecify.annotations.NullMarked;
