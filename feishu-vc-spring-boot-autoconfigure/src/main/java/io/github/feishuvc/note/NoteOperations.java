package io.github.feishuvc.note;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own; call {@link #withUserAccessToken} before any call.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token (and of the user's tenant)
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static NoteOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return create(executor, tenantTokens, userIdType, Schedulers.parallel());
	}

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own; call {@link #withUserAccessToken} before any call.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token (and of the user's tenant)
	 * @param userIdType the user id type of calls
	 * @param scheduler the scheduler whose clock times the waits for a lagging note
	 * @return the operations
	 */
	static NoteOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, Scheduler scheduler) {
		return new NoteTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType), scheduler);
	}

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
	 * A unified note's transcript (三合一纪要, {@link NoteDisplayType#UNIFIED}), every page in order: its paragraphs,
	 * each with its speaker, time and sentences. The note is read first, as the platform's CLI does, and a note of
	 * another display type is refused with {@link io.github.feishuvc.core.FeishuVcNotSupportedException} (code
	 * {@code 121002}, as the platform answers): read its verbatim document
	 * ({@link NoteArtifactType#VERBATIM_TRANSCRIPT}) instead. A cursor that comes back a second time ends the transcript
	 * with {@link io.github.feishuvc.core.FeishuVcInvalidResponseException}. The endpoint has no public page (the
	 * official Node SDK's contract).
	 * @param noteId the note's id
	 * @return the paragraphs, in order
	 * @throws IllegalArgumentException if the id is blank
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Flux<NoteTranscriptParagraph> transcript(String noteId);

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
