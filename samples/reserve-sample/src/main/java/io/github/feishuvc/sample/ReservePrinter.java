package io.github.feishuvc.sample;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSetting;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.reserve.ReserveResult;
import io.github.feishuvc.reserve.ReserveUpdateRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Prints one reservation, then, when an owner is known, walks a reservation through its life: apply, get, update,
 * delete. {@code block()} is fine here: a command-line runner is not on a reactive thread.
 */
@Component
@Profile("!web & !store & !login")
@Order(1)
class ReservePrinter implements ApplicationRunner {

	private final ReserveOperations reserves;

	private final String reserveId;

	private final @Nullable String ownerId;

	ReservePrinter(ReserveOperations reserves, @Value("${sample.reserve-id}") String reserveId,
			@Value("${sample.owner-id:}") @Nullable String ownerId) {
		this.reserves = reserves;
		this.reserveId = reserveId;
		this.ownerId = ownerId;
	}

	@Override
	public void run(ApplicationArguments args) {
		print(this.reserves.get(this.reserveId).block());
		if (this.ownerId != null && !this.ownerId.isBlank()) {
			walkThroughALifeCycle(this.ownerId);
		}
	}

	private void walkThroughALifeCycle(String owner) {
		System.out.println();
		System.out.println("Life cycle of a new reservation owned by " + owner + ":");
		ReserveResult applied = this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId(owner)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Sample stand-up").autoRecord(true).build())
			.build()).block();
		String id = applied.reserve().id();
		System.out.println("  applied: " + id + ", meeting number " + applied.reserve().meetingNo() + ", "
				+ applied.reserve().url());

		Reserve fetched = this.reserves.get(id).block();
		System.out.println("  got:     topic '" + topic(fetched) + "', expires " + fetched.endTime());

		this.reserves.update(id, ReserveUpdateRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(2)))
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Sample stand-up (renewed)").build())
			.build()).block();
		Reserve updated = this.reserves.get(id).block();
		System.out.println("  updated: topic '" + topic(updated) + "', expires " + updated.endTime());

		this.reserves.delete(id).block();
		System.out.println("  deleted: " + id);
	}

	static void print(Reserve reserve) {
		System.out.println("Reserve " + reserve.id());
		System.out.println("  topic:          " + topic(reserve));
		System.out.println("  meeting number: " + reserve.meetingNo());
		System.out.println("  url:            " + reserve.url());
		System.out.println("  end time:       " + reserve.endTime());
	}

	private static @Nullable String topic(Reserve reserve) {
		ReserveMeetingSetting settings = reserve.meetingSettings();
		return (settings != null) ? settings.topic() : null;
	}

}
