package io.github.feishuvc.internal;

import io.github.feishuvc.internal.FeishuApi.App;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.internal.MeetingRequests.EventTypeBody;
import io.github.feishuvc.note.Note;

/**
 * The AI notes ({@code vc-search-notes-bots.md} §4, §5.3): each declared once; a user token and a self-built app
 * only, 1000 calls a minute and 50 a second (the standard limit).
 */
public final class NoteApis {

	private static final String NOTES = "/open-apis/vc/v1/notes";

	/** {@code GET /notes/:note_id}: a note the user may see. */
	public static final FeishuApi<Note> GET = FeishuApi.get("note.get", NOTES + "/{note_id}")
		.tokens(Token.USER)
		.apps(App.SELF_BUILT)
		.scopes("vc:note:read")
		.userIdType()
		.returning("note", Note.class);

	/** {@code POST /notes/subscription}: the user's subscription to {@code vc.note.generated_v1}. */
	public static final FeishuApi<Boolean> SUBSCRIBE = subscription("note.subscription", NOTES + "/subscription",
			"vc:note:read");

	/** {@code POST /notes/unsubscription}: the user's subscription ended. */
	public static final FeishuApi<Boolean> UNSUBSCRIBE = subscription("note.unsubscription", NOTES + "/unsubscription",
			"vc:note:read");

	/**
	 * {@code GET /notes/:note_id/unified_note_transcript}: one page of a unified note's transcript, the whole
	 * {@code data} (its paragraphs are nested, its cursor is not a page token). No public page: the Node SDK's
	 * (1.74.0) and the platform's CLI's contract; {@code 121002} answers a note that is not unified.
	 */
	public static final FeishuApi<NotePages.TranscriptPage> UNIFIED_TRANSCRIPT = FeishuApi
		.get("note.unified_note_transcript", NOTES + "/{note_id}/unified_note_transcript")
		.tokens(Token.USER)
		.apps(App.SELF_BUILT)
		.scopes("vc:note:read")
		.userIdType()
		.query("format", "cursor_id", "page_size", "locale")
		.error(121002, Meaning.NOT_SUPPORTED)
		.returningData(NotePages.TranscriptPage.class);

	private NoteApis() {
	}

	/**
	 * A user's subscription to, or unsubscription from, an event type: user tokens and self-built apps only, a body
	 * naming the type, harmless to repeat.
	 * @param operation the operation's name
	 * @param path the path
	 * @param scope the scope it needs
	 * @return the declaration
	 */
	static FeishuApi<Boolean> subscription(String operation, String path, String scope) {
		return FeishuApi.post(operation, path)
			.read()
			.tokens(Token.USER)
			.apps(App.SELF_BUILT)
			.scopes(scope)
			.body(EventTypeBody.class)
			.acknowledged();
	}

}
