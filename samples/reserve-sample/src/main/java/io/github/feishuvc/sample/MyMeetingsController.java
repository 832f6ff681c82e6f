package io.github.feishuvc.sample;

import java.util.List;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.meeting.MeetingOperations;
import io.github.feishuvc.meeting.MeetingSearchItem;
import io.github.feishuvc.meeting.MeetingSearchRequest;
import io.github.feishuvc.note.Note;
import io.github.feishuvc.note.NoteArtifactType;
import io.github.feishuvc.note.NoteOperations;
import io.github.feishuvc.security.FeishuUserTokens;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code login} profile's page of what came after the signed-in user's meetings: their recent ended meetings (the
 * search, which sees only what the user may see), and the AI note of the last one they hosted, read as them. The
 * registration asks for {@code vc:meeting.search:read} and {@code vc:note:read} for it ({@code application.yml}).
 */
@RestController
@Profile("login")
class MyMeetingsController {

	private static final int RECENT = 5;

	private final MeetingOperations meetings;

	private final NoteOperations notes;

	private final FeishuUserTokens userTokens;

	MyMeetingsController(MeetingOperations meetings, NoteOperations notes, FeishuUserTokens userTokens) {
		this.meetings = meetings;
		this.notes = notes;
		this.userTokens = userTokens;
	}

	@GetMapping(path = "/me/meetings", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> recent(Authentication user) {
		MeetingOperations mine = this.meetings.withUserAccessToken(this.userTokens.of(user));
		return mine.search(MeetingSearchRequest.all())
			.collectList()
			.flatMap((found) -> lastNote(mine, this.notes.withUserAccessToken(this.userTokens.of(user)), found).defaultIfEmpty("<p>No AI note yet.</p>")
				.map((note) -> page(user.getName(), found, note)))
			.onErrorResume(FeishuVcException.class,
					(ex) -> Mono.just(MyReserveController.page("<p>Not readable: " + HtmlUtils.htmlEscape(ex.getMessage())
							+ "</p>")));
	}

	/** The note of the last meeting found: its id from the meeting, then the note as the user sees it. */
	private Mono<String> lastNote(MeetingOperations mine, NoteOperations myNotes, List<MeetingSearchItem> found) {
		if (found.isEmpty()) {
			return Mono.empty();
		}
		MeetingSearchItem last = found.get(found.size() - 1);
		return mine.get(last.id())
			.flatMap((meeting) -> Mono.justOrEmpty(meeting.noteId()))
			.flatMap(myNotes::getGenerated)
			.map((note) -> describe(last, note));
	}

	private static String describe(MeetingSearchItem meeting, Note note) {
		return "<p>The AI note of the last one (" + HtmlUtils.htmlEscape(meeting.id()) + "): note document "
				+ HtmlUtils.htmlEscape(note.documentToken(NoteArtifactType.NOTE_DOCUMENT).orElse("none"))
				+ ", transcript " + HtmlUtils.htmlEscape(note.documentToken(NoteArtifactType.VERBATIM_TRANSCRIPT)
					.orElse("none")) + ".</p>";
	}

	private static String page(String userName, List<MeetingSearchItem> found, String note) {
		StringBuilder list = new StringBuilder("<p>Signed in as <b>" + HtmlUtils.htmlEscape(userName)
				+ "</b>. Your recent meetings:</p><ul>");
		found.stream()
			.skip(Math.max(0, found.size() - RECENT))
			.forEach((meeting) -> list.append("<li>")
				.append(HtmlUtils.htmlEscape(String.valueOf(meeting.metaData() != null
						? meeting.metaData().description() : meeting.id())))
				.append("</li>"));
		return MyReserveController.page(list.append("</ul>").append(note).toString());
	}

}
