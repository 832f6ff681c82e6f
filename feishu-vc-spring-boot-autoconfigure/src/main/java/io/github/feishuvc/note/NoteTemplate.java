package io.github.feishuvc.note;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import io.github.feishuvc.core.CallInfo;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcNotSupportedException;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.MeetingRequests.EventTypeBody;
import io.github.feishuvc.internal.NoteApis;
import io.github.feishuvc.internal.NotePages.TranscriptPage;
import io.github.feishuvc.note.event.NoteGeneratedEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * {@link NoteOperations} over a {@link FeishuVcExecutor}, as the declarations ({@link NoteApis}) say; waits between
 * reads of a note that lags its event on a scheduler's clock. Immutable and thread safe; {@link #withUserIdType},
 * {@link #forTenant} and {@link #withUserAccessToken} return views.
 */
final class NoteTemplate extends FeishuTemplate<NoteOperations> implements NoteOperations {

	/** The first wait before a lagging note is read again. */
	static final Duration FIRST_WAIT = Duration.ofMillis(500);

	/** How long a lagging note is waited for. */
	static final Duration LONGEST_LAG = Duration.ofSeconds(10);

	/** The page size asked for, as the platform's CLI asks (the largest is not documented). */
	static final int TRANSCRIPT_PAGE_SIZE = 200;

	/** The platform's code for a transcript of a note that is not unified. */
	private static final int NOT_UNIFIED = 121002;

	private static final String TRANSCRIPT = NoteApis.UNIFIED_TRANSCRIPT.operation();

	private final Scheduler scheduler;

	NoteTemplate(FeishuApiCaller caller, Scheduler scheduler) {
		super(caller);
		this.scheduler = scheduler;
	}

	@Override
	protected NoteOperations with(FeishuApiCaller caller) {
		return new NoteTemplate(caller, this.scheduler);
	}

	@Override
	public Mono<Note> get(String noteId) {
		return this.caller.call(NoteApis.GET, noteId);
	}

	@Override
	public Mono<Note> getGenerated(String noteId) {
		Mono<Note> read = get(noteId);
		// Waits of 0.5, 1, 2 and 4 s: 7.5 s, the last read before 10 s.
		return read.retryWhen(Retry.backoff(4, FIRST_WAIT)
			.jitter(0)
			.maxBackoff(LONGEST_LAG)
			.scheduler(this.scheduler)
			.filter(FeishuVcNotFoundException.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	@Override
	public Flux<NoteTranscriptParagraph> transcript(String noteId) {
		Mono<Note> note = get(noteId);
		return note.flatMapMany((read) -> {
			if (read.noteDisplayType() != NoteDisplayType.UNIFIED) {
				return Flux.error(new FeishuVcNotSupportedException(CallInfo.noResponse(TRANSCRIPT, 1), NOT_UNIFIED,
						"note " + noteId + " is not a unified note (note_display_type=" + read.noteDisplayTypeCode()
								+ "): read its verbatim document instead"));
			}
			return transcriptPages(noteId);
		});
	}

	/** Every page, following the cursors; a cursor seen before ends the list rather than read it for ever. */
	private Flux<NoteTranscriptParagraph> transcriptPages(String noteId) {
		return Flux.defer(() -> {
			Set<String> seen = new HashSet<>();
			int[] pages = new int[1];
			Function<@Nullable String, Mono<TranscriptPage>> fetch = (cursor) -> this.caller
				.call(NoteApis.UNIFIED_TRANSCRIPT,
						Params.path(noteId)
							.query("format", "plain_text")
							.query("cursor_id", cursor)
							.query("page_size", TRANSCRIPT_PAGE_SIZE))
				.handle((page, sink) -> {
					pages[0]++;
					String next = next(page);
					if (Boolean.TRUE.equals(page.hasMore()) && next == null) {
						sink.error(invalid("has_more=true without a next_cursor_id", pages[0]));
					}
					else if (next != null && !seen.add(next)) {
						sink.error(invalid("a cursor seen before", pages[0]));
					}
					else {
						sink.next(page);
					}
				});
			return fetch.apply(null)
				.expand((page) -> (next(page) != null) ? fetch.apply(next(page)) : Mono.empty())
				.concatMapIterable(TranscriptPage::paragraphs);
		});
	}

	private static @Nullable String next(TranscriptPage page) {
		String cursor = page.nextCursorId();
		return (Boolean.TRUE.equals(page.hasMore()) && cursor != null && !cursor.isBlank()) ? cursor : null;
	}

	private static FeishuVcInvalidResponseException invalid(String what, int page) {
		return new FeishuVcInvalidResponseException(CallInfo.noResponse(TRANSCRIPT, 1),
				what + " in page " + page + " of " + TRANSCRIPT, new byte[0]);
	}

	@Override
	public Mono<Void> subscribe() {
		return this.caller.call(NoteApis.SUBSCRIBE, Params.path().body(new EventTypeBody(NoteGeneratedEvent.TYPE)))
			.then();
	}

	@Override
	public Mono<Void> unsubscribe() {
		return this.caller.call(NoteApis.UNSUBSCRIBE, Params.path().body(new EventTypeBody(NoteGeneratedEvent.TYPE)))
			.then();
	}

}
