/**
 * The meeting agents (会议智能体, {@code /open-apis/vc/v1/bots}): {@link io.github.feishuvc.agent.MeetingAgentOperations}
 * (the app's agent joins a meeting by its number, speaks in it, runs its countdown, reads what happens in it, leaves),
 * what applications inject, and its immutable models. The platform offers the agents in gray release only.
 */
@NullMarked
package io.github.feishuvc.agent;

import org.jspecify.annotations.NullMarked;
