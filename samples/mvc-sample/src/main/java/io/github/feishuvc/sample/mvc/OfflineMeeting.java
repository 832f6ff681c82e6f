package io.github.feishuvc.sample.mvc;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.FeishuVcEmulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Offline only: once the sample serves, reserves a meeting and lets the emulator hold it (two people join, it ends), so
 * that {@code /events} has the meeting's events to show and {@code /exports/meetings} a meeting to list. Against the
 * real platform, people hold the meetings.
 */
@Component
class OfflineMeeting implements ApplicationRunner {

	private final ObjectProvider<FeishuVcEmulator> emulator;

	private final ReserveOperations reserves;

	OfflineMeeting(ObjectProvider<FeishuVcEmulator> emulator, ReserveOperations reserves) {
		this.emulator = emulator;
		this.reserves = reserves;
	}

	@Override
	public void run(ApplicationArguments args) {
		FeishuVcEmulator emulator = this.emulator.getIfAvailable();
		if (emulator == null) {
			return;
		}
		Reserve reserve = this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId(OfflineEmulator.DEMO_USER)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Sample stand-up").build())
			.build()).block().reserve();
		String meetingId = emulator.meetings().start(reserve.id());
		emulator.meetings().join(meetingId, "ou_sample_alice");
		emulator.meetings().end(reserve.id());
	}

}
