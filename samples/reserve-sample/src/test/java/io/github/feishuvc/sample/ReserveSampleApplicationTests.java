package io.github.feishuvc.sample;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's sample run: without credentials it starts the emulator, prints the reference reservation, walks a new
 * one through its life and holds the meeting it becomes, printing the meeting's typed events, attendance and
 * recording, lists the emulator's meeting rooms, prints the day's meeting report and exports the meeting list.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReserveSampleApplicationTests {

	/**
	 * No app id, whatever the environment says: the sample runs on its embedded emulator, never against the platform
	 * with the credentials of whoever runs the tests.
	 */
	static final String OFFLINE = "--feishu.vc.app-id=";

	@Test
	void shouldPrintTheReferenceReserveAndWalkALifeCycleAndAMeetingOnTheEmulatorWithoutCredentials(CapturedOutput output) {
		try (ConfigurableApplicationContext context = ReserveSampleApplication.application().run(ReserveSampleApplicationTests.OFFLINE)) {
			assertThat(context.isActive()).isTrue();
		}

		assertThat(output).contains("using the embedded Feishu VC emulator at http://127.0.0.1:")
			.contains("Reserve 6911188411934973028")
			.contains("topic:          my meeting")
			.contains("meeting number: 112000358")
			.contains("url:            https://vc.feishu.cn/j/337736498")
			.contains("end time:       2020-12-25T08:02:02Z")
			.containsPattern("applied: \\d{19}, meeting number \\d{9}, https://vc.feishu.cn/j/\\d{9}")
			.contains("got:     topic 'Sample stand-up'")
			.contains("updated: topic 'Sample stand-up (renewed)'")
			.containsPattern("deleted: \\d{19}")
			.containsPattern("Meeting of reservation \\d{19} \\(meeting number (\\d{9})\\):")
			.containsPattern("event: MeetingStartedEvent of meeting \\d{9}, by ou_sample_owner")
			.contains("event: AllMeetingStartedEvent")
			.contains("event: JoinMeetingEvent")
			.contains("event: RecordingStartedEvent")
			.contains("event: ShareStartedEvent")
			.contains("event: ShareEndedEvent")
			.contains("ou_sample_bob left (LEFT)")
			.contains("event: RecordingEndedEvent")
			.contains("ou_sample_alice left (MEETING_ENDED)")
			.contains("event: MeetingEndedEvent")
			.contains("event: AllMeetingEndedEvent")
			.containsPattern("event: RecordingReadyEvent of meeting \\d{9}, PT[0-9.]+S at https://meetings.feishu.cn/minutes/")
			.containsPattern("meeting \\d{19} 'Sample design review': ENDED, .* to .*, 3 attended")
			.contains("ou_sample_owner (host): joined")
			.containsPattern("recording: https://meetings.feishu.cn/minutes/\\w+ \\(PT")
			.containsPattern("minute obcn\\w+, its transcript begins:\\R    ou_sample_owner \\d\\d:\\d\\d:\\d\\d\\R"
					+ "    Welcome: today we review the new design.\\R    ou_sample_alice \\d\\d:\\d\\d:\\d\\d\\R"
					+ "    I will share the mock-ups.")
			.contains("minute statistics: 0 viewers, 0 views")
			.contains("Meeting rooms:")
			.contains("Everest (12 people, Headquarters), omm_4de32cf10a4358788ff4e09e37ebbf9b")
			.contains("Kilimanjaro (6 people, Headquarters), omm_608d34d82d531b27fa993902d350a307")
			.containsPattern("Meeting use today \\(\\d{4}-\\d{2}-\\d{2}, UTC\\):\\s+1 meeting\\(s\\), 3 participant\\(s\\), PT")
			.containsPattern("today's meeting list exported to .*meeting_list_\\d{19}\\.xlsx");
		Matcher exported = Pattern.compile("exported to (.*\\.xlsx)").matcher(output.getOut());
		assertThat(exported.find()).isTrue();
		assertThat(Path.of(exported.group(1))).isNotEmptyFile();
	}

	@Test
	void shouldTakeTheMeetingsEventsThroughTheInboxOnRedis(CapturedOutput output) throws Exception {
		try (LocalRedis redis = LocalRedis.start();
				ConfigurableApplicationContext context = ReserveSampleApplication.application()
					.run(OFFLINE, "--spring.profiles.active=inbox", "--spring.data.redis.port=" + redis.port())) {
			assertThat(context.isActive()).isTrue();
		}

		assertThat(output).containsPattern("event: MeetingStartedEvent of meeting \\d{9}, by ou_sample_owner")
			.contains("event: AllMeetingEndedEvent")
			.containsPattern("event: RecordingReadyEvent of meeting \\d{9}, PT[0-9.]+S at https://meetings.feishu.cn/minutes/")
			// The last event's acknowledgement may still be on its way as the sample reads the count.
			.containsPattern("inbox on Redis: [01] event\\(s\\) pending, 0 dead letter\\(s\\)");
	}

	@Test
	void shouldPrintTheSameMeetingEventsOverTheLongConnection(CapturedOutput output) {
		try (ConfigurableApplicationContext context = ReserveSampleApplication.application()
			.run(OFFLINE, "--feishu.vc.events.mode=long-connection")) {
			assertThat(context.isActive()).isTrue();
		}

		assertThat(output).containsPattern("event: MeetingStartedEvent of meeting \\d{9}, by ou_sample_owner")
			.contains("ou_sample_bob left (LEFT)")
			.contains("event: AllMeetingEndedEvent")
			.containsPattern("event: RecordingReadyEvent of meeting \\d{9}, PT[0-9.]+S at https://meetings.feishu.cn/minutes/")
			.containsPattern("recording: https://meetings.feishu.cn/minutes/\\w+ \\(PT");
	}

	@Test
	void shouldReceiveTheAppTicketAndReadAReservationForEachTenantAsAStoreApp(CapturedOutput output) {
		try (ConfigurableApplicationContext context = ReserveSampleApplication.application()
			.run(OFFLINE, "--spring.profiles.active=store")) {
			assertThat(context.isActive()).isTrue();
		}

		assertThat(output).contains("as a store app installed by tenants tenant_acme and tenant_globex")
			.contains("Received the app_ticket of store app")
			.contains("Tenant tenant_acme")
			.contains("topic:          Acme weekly sync")
			.contains("Tenant tenant_globex")
			.contains("topic:          Globex design review");
	}

}
