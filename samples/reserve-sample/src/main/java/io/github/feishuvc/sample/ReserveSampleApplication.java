package io.github.feishuvc.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints a reservation and exits; with {@code --spring.profiles.active=web} it serves {@link ReserveController}
 * instead. Without Feishu credentials it runs against the embedded emulator ({@link OfflineEmulator}).
 */
@SpringBootApplication
public class ReserveSampleApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = application().run(args);
		if (!(context instanceof WebServerApplicationContext)) {
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
