package io.github.feishuvc.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints a reservation and walks one through its life ({@link ReservePrinter}), offline also the meeting it becomes
 * ({@link MeetingWalk}, with the events {@link MeetingEventPrinter} receives), lists the meeting rooms
 * ({@link RoomPrinter}) and exits; with
 * {@code --spring.profiles.active=web} it serves {@link ReserveController} and prints the events it receives instead,
 * with {@code --spring.profiles.active=store} it runs as a store app ({@link StoreReservePrinter}) and exits, and
 * with {@code --spring.profiles.active=login} it serves a page where users sign in with Feishu and make a reservation
 * as themselves ({@link MyReserveController}).
 * Without Feishu credentials it runs against the embedded emulator ({@link OfflineEmulator}).
 */
@SpringBootApplication
public class ReserveSampleApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = application().run(args);
		// The event endpoint serves only while the runners print, unless the application is there to serve.
		if (!context.getEnvironment().matchesProfiles("web | login")) {
			System.exit(SpringApplication.exit(context));
		}
	}

	static SpringApplication application() {
		SpringApplication application = new SpringApplication(ReserveSampleApplication.class);
		// Named rather than found on the stack, so that tests start the same (and the same AOT-processed) application.
		application.setMainApplicationClass(ReserveSampleApplication.class);
		application.addInitializers(new OfflineEmulator());
		return application;
	}

}
