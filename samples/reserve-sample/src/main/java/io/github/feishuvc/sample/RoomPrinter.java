package io.github.feishuvc.sample;

import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.room.Room;
import io.github.feishuvc.room.RoomLevel;
import io.github.feishuvc.room.RoomLevelOperations;
import io.github.feishuvc.room.RoomOperations;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Last: lists the tenant's meeting rooms, each with the level it is in, page after page as the platform answers. The
 * app needs the {@code vc:room:readonly} scope; without it the platform refuses, and the sample says so.
 */
@Component
@Profile("!web & !store & !login")
@Order(3)
class RoomPrinter implements ApplicationRunner {

	private final RoomOperations rooms;

	private final RoomLevelOperations levels;

	RoomPrinter(RoomOperations rooms, RoomLevelOperations levels) {
		this.rooms = rooms;
		this.levels = levels;
	}

	@Override
	public void run(ApplicationArguments args) {
		System.out.println();
		System.out.println("Meeting rooms:");
		try {
			for (Room room : this.rooms.list(null).collectList().block()) {
				RoomLevel level = this.levels.get(room.roomLevelId()).block();
				System.out.println("  " + room.name() + " (" + room.capacity() + " people, " + level.name() + "), "
						+ room.roomId());
			}
		}
		catch (FeishuVcApiException ex) {
			System.out.println("  not readable: " + ex.getMessage());
		}
	}

}
