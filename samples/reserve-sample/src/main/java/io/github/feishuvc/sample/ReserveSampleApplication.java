package io.github.feishuvc.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints a reservation and exits; with {@code --spring.profiles.active=web} it serves {@link ReserveController}
 * instead, and with {@code --spring.profiles.active=store} it runs as a store app ({@link StoreReservePrinter}) and
 * exits. Without Feishu credentials it runs against the embedded emulator ({@link OfflineEmulator}).
 */
@SpringBootApplication
public class ReserveSampleApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = application().run(args);
		// The store app serves its event endpoint only while it reads its tenants' reservations.
		if (!(context instanceof WebServerApplicationContext) || context.getEnvironment().matchesProfiles("store")) {
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
