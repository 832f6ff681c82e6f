package io.github.feishuvc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.feishuvc.agent.event.AgentEventDecoder;
import io.github.feishuvc.autoconfigure.FeishuVcOAuth2ClientAutoConfiguration;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.meeting.event.AudioRecordingEventDecoder;
import io.github.feishuvc.meeting.event.MeetingEventDecoder;
import io.github.feishuvc.minutes.event.MinuteEventDecoder;
import io.github.feishuvc.note.event.NoteEventDecoder;
import io.github.feishuvc.room.event.RoomEventDecoder;
import io.github.feishuvc.support.CommittedFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/permissions.md} against the declarations it is made from: the tables of operations and events between
 * its markers are exactly what the endpoint declarations and the event families say, so the page cannot drift. A
 * failure prints the tables as they must be.
 */
class PermissionsPageTests {

	private static final Path PAGE = Path.of("..", "docs", "permissions.md");

	private static final String START = "<!-- generated from the declarations, checked by PermissionsPageTests -->";

	private static final String END = "<!-- end of generated -->";

	private static final RateLimit STANDARD = new RateLimit(50, 1000);

	/**
	 * What an application adds to the sign-in's scopes when it uses it (docs/notes.md), rather than every sign-in
	 * asking for scopes the app may not have enabled.
	 */
	private static final Set<String> OPT_IN = Set.of("meeting.search", "meeting.subscription",
			"meeting.unsubscription", "recording.subscription", "recording.unsubscription");

	@Test
	void shouldListEveryOperationAndEventAsDeclared() throws IOException {
		String page = Files.readString(PAGE);
		int start = page.indexOf(START);
		int end = page.indexOf(END);
		assertThat(start).as("the page's markers").isNotNegative().isLessThan(end);

		String expected = tables();
		if (Boolean.getBoolean(CommittedFiles.UPDATE)) {
			Files.writeString(PAGE,
					page.substring(0, start + START.length()) + "\n\n" + expected + "\n\n" + page.substring(end));
		}

		String written = Files.readString(PAGE);
		assertThat(written.substring(written.indexOf(START) + START.length(), written.indexOf(END)).strip())
			.as("docs/permissions.md is out of date with the declarations (run ./mvnw -B verify -D%s=true to write "
					+ "it); its tables must read:%n%s%n", CommittedFiles.UPDATE, expected)
			.isEqualTo(expected);
	}

	@Test
	void shouldKnowTheScopesOfEveryEventItDecodes() {
		assertThat(FeishuApis.eventScopes().keySet()).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.of(MeetingEventDecoder.types(), RoomEventDecoder.types(), NoteEventDecoder.types(),
						AudioRecordingEventDecoder.types(), MinuteEventDecoder.types(), AgentEventDecoder.types())
					.flatMap(Set::stream)
					.toList());
		assertThat(FeishuApis.eventScopes().values()).allSatisfy((scopes) -> assertThat(scopes).isNotEmpty());
	}

	@Test
	void shouldAskAtSignInForAScopeOfEveryOperationOfAUserOnReservationsMeetingsAndRecordings() {
		assertThat(FeishuApis.all())
			.filteredOn((api) -> api.tokens().contains(FeishuApi.Token.USER)
					&& api.operation().matches("(reserve|meeting|recording)\\..*") && !OPT_IN.contains(api.operation()))
			.isNotEmpty()
			.allSatisfy((api) -> assertThat(api.scopes()).as(api.operation())
				.containsAnyElementsOf(FeishuVcOAuth2ClientAutoConfiguration.DEFAULT_SCOPES));
	}

	static String tables() {
		StringBuilder table = new StringBuilder();
		table.append("| Operation | Endpoint | Tokens | Scopes (any one) | Rate limit | Apps |\n");
		table.append("| --- | --- | --- | --- | --- | --- |\n");
		for (FeishuApi<?> api : FeishuApis.all()) {
			RateLimit limit = (api.limit() != null) ? api.limit() : STANDARD;
			table.append("| `").append(api.operation()).append("` | `").append(api.method()).append(' ')
				.append(api.path().replace("/open-apis/vc/v1", "")).append("` | ")
				.append(api.tokens().stream().map((token) -> token.name().toLowerCase(Locale.ROOT))
					.collect(Collectors.joining(", ")))
				.append(" | ").append(code(api.scopes())).append(" | ")
				.append((limit.perSecond() == limit.perMinute()) ? limit.perMinute() + "/min" : limit.toString())
				.append(" | ")
				.append(api.apps().stream().map((app) -> app.name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.collect(Collectors.joining(", ")))
				.append(" |\n");
		}
		table.append("\n| Event | Scopes (any one) |\n| --- | --- |\n");
		for (Map.Entry<String, List<String>> event : FeishuApis.eventScopes().entrySet()) {
			table.append("| `").append(event.getKey()).append("` | ").append(code(event.getValue())).append(" |\n");
		}
		return table.toString().strip();
	}

	private static String code(List<String> scopes) {
		return scopes.stream().map((scope) -> "`" + scope + "`").collect(Collectors.joining(", "));
	}

}
