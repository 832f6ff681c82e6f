package io.github.feishuvc.agent;

import java.time.Clock;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (review of 2026-12-06): docs/agents.md tells users to "give your own [uuid] with withUuid to make a resend harmless", but the
 * emulator records a resend under the same uuid as a second message (and a second chat activity): a test written
 * against the emulator cannot rely on the idempotency the documentation promises.
 */
class EmulatedAgentMessageUuidTests {

	@Test
	void shouldTakeAMessageResentUnderTheSameUuidOnce() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			FeishuVcExecutor executor = TestFeishu.executor(emulator.baseUrl());
			MeetingAgentOperations agent = MeetingAgentOperations.create(executor,
					TestFeishu.tokenProvider(executor, Clock.systemUTC()), UserIdType.OPEN_ID);
			String meetingId = emulator.meetings().startAdHoc("ou_host", "Resend");
			String meetingNo = TestFeishu.meetingTemplate(emulator.baseUrl(), Clock.systemUTC())
				.get(meetingId)
				.block()
				.meetingNo();
			agent.join(AgentJoinRequest.meetingNo(meetingNo)).block();
			AgentMessage message = AgentMessage.text(meetingId, "Hello once").withUuid("7f3b7fd2-resend");

			agent.sendMessage(message).block();
			// The answer was lost on the way back: the application sends the same message again.
			agent.sendMessage(message).block();

			assertThat(emulator.agents().messages(meetingId)).as("a resend under its uuid is harmless").hasSize(1);
		}
	}

}
