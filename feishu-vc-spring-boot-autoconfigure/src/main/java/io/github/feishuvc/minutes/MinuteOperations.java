package io.github.feishuvc.minutes;

import java.nio.file.Path;
import java.time.Duration;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcOperations;
import io.github.feishuvc.core.UserIdType;
import io.github.feishuvc.internal.FeishuApiCaller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * The minutes (妙记) of the Feishu open platform ({@code /open-apis/minutes/v1}): a minute's information, its transcript
 * as a file, its statistics, its audio or video, its AI artifacts, the search over the minutes a user may see, and a
 * user's subscription to {@code minutes.minute.generated_v1}. What applications inject.
 *
 * <p>A minute is named by its token, which {@link MinuteLinks#token} reads from a recording's URL; a malformed token
 * (not 24 lowercase letters and digits) is refused before anything is sent. The reads act as the app or as a user;
 * {@link #artifacts} and {@link #search} serve self-built apps only, and {@link #search}, {@link #subscribe} and
 * {@link #unsubscribe} need a user access token ({@link #withUserAccessToken(String)}): otherwise they fail at once
 * with an {@link IllegalStateException}. An unknown or deleted minute is refused with
 * {@link io.github.feishuvc.core.FeishuVcNotFoundException}, one the caller may not read with
 * {@link io.github.feishuvc.core.FeishuVcPermissionDeniedException}; a minute still being transcribed answers a
 * {@link io.github.feishuvc.core.FeishuVcApiException} of code {@value #MINUTE_NOT_READY}: ask again later. Files are
 * never held whole: {@link #transcript} hands its buffers on as they are consumed, {@link #transcriptTo} and
 * {@link #mediaTo} write them to disk as they arrive, and a download cut or failed leaves no file behind.
 */
public interface MinuteOperations extends FeishuVcOperations<MinuteOperations> {

	/** The code of a minute still being transcribed or summarised ({@code minute not ready, try later}). */
	int MINUTE_NOT_READY = 2091003;

	/**
	 * The deadline of a whole download, retries included, unless {@link #create} is given another: the default of
	 * {@code feishu.vc.export.download-timeout}, which the auto-configured operations use and a timeout names.
	 */
	Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofMinutes(30);

	/**
	 * Operations acting as the app over an executor, as the auto-configuration provides them: for an application that
	 * builds its own.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @return the operations
	 */
	static MinuteOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return create(executor, tenantTokens, userIdType, DEFAULT_DOWNLOAD_TIMEOUT);
	}

	/**
	 * Operations acting as the app over an executor, with a deadline for downloads.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens source of the tenant access token
	 * @param userIdType the user id type of calls
	 * @param downloadTimeout the deadline of a whole download (a transcript or a media file), retries included
	 * @return the operations
	 * @throws IllegalArgumentException if the deadline is not positive
	 */
	static MinuteOperations create(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType, Duration downloadTimeout) {
		return new MinuteTemplate(FeishuApiCaller.app(executor, tenantTokens, userIdType), downloadTimeout);
	}

	/**
	 * Get a minute's information.
	 * @param minuteToken the minute's token
	 * @return the minute
	 * @throws IllegalArgumentException if the token is not a minute's
	 */
	Mono<Minute> get(String minuteToken);

	/**
	 * A minute's transcript as the platform exports it, a file (not JSON), as buffers passed on as fast as they are
	 * consumed. Retried until its first byte arrives, never after; a transcript cut after that fails with a
	 * {@link io.github.feishuvc.core.FeishuVcInvalidResponseException}.
	 * @param minuteToken the minute's token
	 * @param export its format, and whether lines name their speaker and time
	 * @return the file's buffers; each must be released ({@code DataBufferUtils.join} then release, or
	 * {@code DataBufferUtils.write} to a channel)
	 * @throws IllegalArgumentException if the token is not a minute's, or the export is null
	 */
	Flux<DataBuffer> transcript(String minuteToken, TranscriptExport export);

	/**
	 * Write a minute's transcript to disk as it arrives: to a file (replaced once the transcript is whole), or into an
	 * existing directory under the platform's name for it (or {@code <token>.<format>}), never replacing a file
	 * there ({@code name (1).txt}...). A failed or cancelled download leaves no file, and an existing file as it was.
	 * @param minuteToken the minute's token
	 * @param export its format, and whether lines name their speaker and time
	 * @param target a file, or an existing directory
	 * @return the path written
	 * @throws IllegalArgumentException if the token is not a minute's, or the export or target is null
	 */
	Mono<Path> transcriptTo(String minuteToken, TranscriptExport export, Path target);

	/**
	 * A minute's statistics: how many users viewed it, how often, and who, when.
	 * @param minuteToken the minute's token
	 * @return the statistics
	 * @throws IllegalArgumentException if the token is not a minute's
	 */
	Mono<MinuteStatistics> statistics(String minuteToken);

	/**
	 * The URL of a minute's audio or video file, valid for a day: a URL that is its own credential, to be fetched
	 * without a token (as {@link #mediaTo} does). Keep it as a secret.
	 * @param minuteToken the minute's token
	 * @return the URL
	 * @throws IllegalArgumentException if the token is not a minute's
	 */
	Mono<String> mediaUrl(String minuteToken);

	/**
	 * Write a minute's audio or video to disk as it arrives: asks for its URL ({@link #mediaUrl}), then fetches it
	 * without a token; to a file (replaced once whole), or into an existing directory under the name the file's host
	 * gives (or {@code <token>.media}), never replacing a file there. A download cut mid-way or cancelled leaves no
	 * file, and an existing file as it was; the file is never held in memory.
	 * @param minuteToken the minute's token
	 * @param target a file, or an existing directory
	 * @return the path written
	 * @throws IllegalArgumentException if the token is not a minute's, or the target is null
	 */
	Mono<Path> mediaTo(String minuteToken, Path target);

	/**
	 * A minute's AI artifacts: summary, chapters, todos, keywords and transcript text. Self-built apps only.
	 * @param minuteToken the minute's token
	 * @return the artifacts
	 * @throws IllegalArgumentException if the token is not a minute's
	 * @throws IllegalStateException as a store app
	 */
	Mono<MinuteArtifacts> artifacts(String minuteToken);

	/**
	 * Every minute the signed-in user may see that a search finds, page after page (30 a page) as the subscriber asks
	 * for them. Needs a user access token; self-built apps only; 100 calls a minute.
	 * @param request the search
	 * @return the minutes found
	 * @throws IllegalArgumentException if the request breaks the platform's limits (a keyword over 50 characters,
	 * more than 100 owners or participants, a window that ends before it starts)
	 * @throws IllegalStateException acting as the app, or as a store app
	 */
	Flux<MinuteSearchItem> search(MinuteSearchRequest request);

	/**
	 * Subscribe the signed-in user to {@code minutes.minute.generated_v1}
	 * ({@link io.github.feishuvc.minutes.event.MinuteGeneratedEvent}): the minutes of their meetings, recordings and
	 * uploads; the event must also be added to the app's event subscriptions in the developer console.
	 * @return completes when subscribed
	 * @throws IllegalStateException acting as the app
	 */
	Mono<Void> subscribe();

	/**
	 * End the signed-in user's subscription to {@code minutes.minute.generated_v1}.
	 * @return completes when unsubscribed
	 * @throws IllegalStateException acting as the app
	 */
	Mono<Void> unsubscribe();

}
