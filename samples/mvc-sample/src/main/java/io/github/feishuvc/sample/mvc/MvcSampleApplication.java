package io.github.feishuvc.sample.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The starter in a Spring MVC application: reads a reservation ({@link ReserveController}), receives the meeting
 * events ({@link MeetingEventsController}), acts as the user who signed in with Feishu ({@link MyReserveController})
 * and streams an export to the browser ({@link ExportController}), with blocking calls where Spring MVC's threads
 * allow them. Without Feishu credentials it runs against the embedded emulator ({@link OfflineEmulator}), where it holds
 * a meeting as it starts ({@link OfflineMeeting}).
 */
@SpringBootApplication
public class MvcSampleApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	static SpringApplication application() {
		SpringApplication application = new SpringApplication(MvcSampleApplication.class);
		application.addInitializers(new OfflineEmulator());
		return application;
	}

}
