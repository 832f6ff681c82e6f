package io.github.feishuvc.sample.mvc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run of the MVC sample: started through its main method with no credentials, it runs on the embedded
 * emulator; each endpoint answers a real HTTP client, the meeting events arrive at its endpoint, a browser signs in and
 * reserves as the user, and the export downloads as an attachment, byte for byte the platform's file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, useMainMethod = UseMainMethod.ALWAYS,
		properties = MvcSampleApplicationTests.OFFLINE)
class MvcSampleApplicationTests {

	/**
	 * No app id, whatever the environment says ({@code FEISHU_VC_APP_ID}, which the README has developers export to
	 * run the other sample against the real platform): the sample runs on its emulator, and no test calls the platform.
	 */
	static final String OFFLINE = "feishu.vc.app-id=";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private FeishuVcEmulator emulator;

	@Autowired
	private ReserveOperations reserves;

	@Autowired
	private ExportOperations exports;

	@Test
	void shouldReadAReservationAsJsonByBlockingInTheHandler() throws Exception {
		HttpResponse<String> found = get("/reserves/" + FeishuVcEmulator.REFERENCE_RESERVE_ID);
		HttpResponse<String> missing = get("/reserves/does-not-exist");

		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(found.body(), "$.meetingNo")).isEqualTo("112000358");
		assertThat((String) JsonPath.read(found.body(), "$.meetingSettings.topic")).isEqualTo("my meeting");
		assertThat((String) JsonPath.read(found.body(), "$.endTime")).isEqualTo("2020-12-25T08:02:02Z");
		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
		assertThat((String) JsonPath.read(missing.body(), "$.feishuLogId")).isNotBlank();
	}

	@Test
	void shouldShowTheEventsOfTheMeetingItHoldsOfflineAsItStarts() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/events").body())
			.containsPattern("MeetingStartedEvent of meeting \\d{9}")
			.containsPattern("meeting \\d{9} 'Sample stand-up' ended, 2 attended"));
	}

	@Test
	void shouldReceiveTheMeetingEventsAtItsOwnEndpointAndReadTheEndedMeetingInTheListener() {
		Reserve reserve = reserve("MVC events review");
		String meetingId = this.emulator.meetings().start(reserve.id());
		this.emulator.meetings().join(meetingId, "ou_sample_alice");
		this.emulator.meetings().end(reserve.id());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/events").body())
			.contains("MeetingStartedEvent of meeting " + reserve.meetingNo())
			.contains("JoinMeetingEvent of meeting " + reserve.meetingNo())
			.contains("MeetingEndedEvent of meeting " + reserve.meetingNo())
			.contains("meeting " + reserve.meetingNo() + " 'MVC events review' ended, 2 attended"));
	}

	@Test
	void shouldSignInWithFeishuAndReserveAsTheUserOnlyByAPostWithTheSessionsCsrfToken() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
		int applied = this.emulator.requestCount("reserve.apply");

		HttpResponse<String> me = browser.send(page("/me"), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).contains("Signed in as <b>" + OfflineEmulator.DEMO_USER + "</b>")
			.contains("<form method=\"post\" action=\"/me/reserve\">");
		Matcher csrf = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"").matcher(me.body());
		assertThat(csrf.find()).as(me.body()).isTrue();

		HttpResponse<String> forged = browser.send(post("/me/reserve", ""), HttpResponse.BodyHandlers.ofString());
		assertThat(forged.statusCode()).as("a post without the CSRF token").isEqualTo(403);
		assertThat(this.emulator.requestCount("reserve.apply")).as("nothing reserved yet").isEqualTo(applied);

		HttpResponse<String> reserved = browser.send(
				post("/me/reserve", csrf.group(1) + "=" + URLEncoder.encode(csrf.group(2), StandardCharsets.UTF_8)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(200);
		assertThat(reserved.body()).contains("Signed in as <b>" + OfflineEmulator.DEMO_USER + "</b>")
			.containsPattern("Reserved <b>\\d{19}</b> \\(meeting number \\d{9}, topic 'My sync'\\)")
			.contains("the app's own token may not read it (code 121005): it is yours");
		assertThat(this.emulator.requestCount(Endpoint.USER_ACCESS_TOKEN)).isPositive();
	}

	@Test
	void shouldStreamTheExportToTheBrowserAsAnAttachmentWithTheFilesBytes(@TempDir Path directory) throws Exception {
		// Larger than any buffer of the way: the file arrives in many.
		this.emulator.exports().padNextFile(3_000_000);

		HttpResponse<byte[]> download = this.client.send(
				HttpRequest.newBuilder(URI.create(url("/exports/meetings"))).build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(download.statusCode()).as(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"meetings-" + LocalDate.now(ZoneOffset.UTC) + ".xlsx\"");
		assertThat(download.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		String fileToken = this.emulator.lastRequest("export.download")
			.map((request) -> URLDecoder.decode(UriComponentsBuilder.fromUriString(request.uri()).build().getQueryParams()
				.getFirst("file_token"), StandardCharsets.UTF_8))
			.orElseThrow();
		Path direct = this.exports.downloadTo(fileToken, directory.resolve("direct.xlsx")).block();
		assertThat(download.body()).hasSizeGreaterThanOrEqualTo(3_000_000).isEqualTo(Files.readAllBytes(direct));
		assertThat(sheet(download.body())).contains("会议主题");
	}

	private Reserve reserve(String topic) {
		return this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId(OfflineEmulator.DEMO_USER)
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic(topic).build())
			.build()).block().reserve();
	}

	/** The text of the spreadsheet's one sheet, where a spreadsheet program finds it in the package. */
	private static String sheet(byte[] spreadsheet) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(spreadsheet))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("no sheet in the download");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** As a browser asks for a page: Spring Security returns there after sign-in only for such requests. */
	private HttpRequest page(String path) {
		return HttpRequest.newBuilder(URI.create(url(path)))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.build();
	}

	/** As a browser posts a form. */
	private HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create(url(path)))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
