package io.github.feishuvc.note;

import java.time.Duration;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.MeetingRequests.EventTypeBody;
import io.github.feishuvc.internal.NoteApis;
import io.github.feishuvc.note.event.NoteGeneratedEvent;
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
