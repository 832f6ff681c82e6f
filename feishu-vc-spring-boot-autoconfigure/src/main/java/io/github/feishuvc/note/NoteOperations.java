package io.github.feishuvc.note;

import io.github.feishuvc.core.FeishuVcOperations;
import reactor.core.publisher.Mono;

/**
 * The AI notes (智能纪要) of the Feishu VC API ({@code /open-apis/vc/v1/notes}), as the signed-in user: read a note they
 * may see, and subscribe them to {@code vc.note.generated_v1}, which tells the app when a note of a meeting they
 * joined (or of a recording or an upload of theirs) is ready. What applications inject.
 *
 * <p>Every call needs a user access token ({@link #withUserAccessToken(String)}, or
 * {@code withUserAccessToken(FeishuUserTokens.of(authentication))} with the sign-in) and a self-built app; otherwise it
 * fails at once with an {@link IllegalStateException}. A note the user may not see is refused with
 * {@link io.github.feishuvc.core.FeishuVcPermissionDeniedException}, an unknown one with
 * {@link io.github.feishuvc.core.FeishuVcNotFoundException}.
 */
public interface NoteOperations extends FeishuVcOperations<NoteOperations> {

	/**
	 * Get a note.
	 * @param noteId the note's id
	 * @return the note
	 * @throws IllegalArgumentException if the id is blank
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Note> get(String noteId);

	/**
	 * Get a note that a {@link io.github.feishuvc.note.event.NoteGeneratedEvent} announced. The note's detail can lag
	 * its event (the platform's own CLI retries a {@code 121004}): a not-found answer is read again after 500 ms, then
	 * twice as long each time, for up to 10 seconds, before it fails.
	 * @param noteId the note's id, from the event
	 * @return the note
	 * @throws IllegalArgumentException if the id is blank
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Note> getGenerated(String noteId);

	/**
	 * Subscribe the signed-in user to {@code vc.note.generated_v1}
	 * ({@link io.github.feishuvc.note.event.NoteGeneratedEvent}); the event must also be added to the app's event
	 * subscriptions in the developer console. Repeating it is harmless.
	 * @return completes when subscribed
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Void> subscribe();

	/**
	 * End the signed-in user's subscription to {@code vc.note.generated_v1}.
	 * @return completes when unsubscribed
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Mono<Void> unsubscribe();

}
