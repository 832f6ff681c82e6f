package io.github.feishuvc.minutes;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.internal.Downloads;
import io.github.feishuvc.internal.FeishuApiCaller;
import io.github.feishuvc.internal.FeishuApiCaller.Params;
import io.github.feishuvc.internal.FeishuTemplate;
import io.github.feishuvc.internal.MeetingRequests.EventTypeBody;
import io.github.feishuvc.internal.MeetingRequests.TimeRange;
import io.github.feishuvc.internal.MinuteApis;
import io.github.feishuvc.internal.MinuteApis.SearchBody;
import io.github.feishuvc.internal.MinuteApis.SearchFilter;
import io.github.feishuvc.internal.Violations;
import io.github.feishuvc.minutes.event.MinuteGeneratedEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.util.Assert;

/**
 * {@link MinuteOperations} over a {@link FeishuVcExecutor}, as the declarations ({@link MinuteApis}) say: validates
 * each call, hands files on through {@link Downloads}, and fetches a media file from the URL the platform answers
 * with, without a token. Immutable and thread safe; {@link #withUserIdType}, {@link #forTenant} and
 * {@link #withUserAccessToken} return views.
 */
final class MinuteTemplate extends FeishuTemplate<MinuteOperations> implements MinuteOperations {

	/** The longest keyword a search takes. */
	private static final int MAX_QUERY = 50;

	/** The most ids one search filter takes. */
	private static final int MAX_FILTER_IDS = 100;

	private static final String NEWEST_FIRST = "create_time_desc";

	private final Duration downloadTimeout;

	MinuteTemplate(FeishuApiCaller caller, Duration downloadTimeout) {
		super(caller);
		Assert.isTrue(downloadTimeout != null && downloadTimeout.compareTo(Duration.ZERO) > 0,
				"downloadTimeout must be positive");
		this.downloadTimeout = downloadTimeout;
	}

	@Override
	protected MinuteOperations with(FeishuApiCaller caller) {
		return new MinuteTemplate(caller, this.downloadTimeout);
	}

	@Override
	public Mono<Minute> get(String minuteToken) {
		return this.caller.call(MinuteApis.GET, token(minuteToken));
	}

	@Override
	public Flux<DataBuffer> transcript(String minuteToken, TranscriptExport export) {
		return Downloads.stream(this.caller.downloader(MinuteApis.TRANSCRIPT, transcriptParams(minuteToken, export),
				this.downloadTimeout));
	}

	@Override
	public Mono<Path> transcriptTo(String minuteToken, TranscriptExport export, Path target) {
		Params params = transcriptParams(minuteToken, export);
		Assert.notNull(target, "target must not be null");
		return Downloads.write(target, minuteToken + "." + export.format().code(),
				MinuteApis.TRANSCRIPT.operation(), Schedulers.boundedElastic(),
				this.caller.downloader(MinuteApis.TRANSCRIPT, params, this.downloadTimeout));
	}

	@Override
	public Mono<MinuteStatistics> statistics(String minuteToken) {
		return this.caller.call(MinuteApis.STATISTICS, token(minuteToken));
	}

	@Override
	public Mono<String> mediaUrl(String minuteToken) {
		return this.caller.call(MinuteApis.MEDIA, token(minuteToken));
	}

	@Override
	public Mono<Path> mediaTo(String minuteToken, Path target) {
		Mono<String> url = mediaUrl(minuteToken);
		Assert.notNull(target, "target must not be null");
		// The target is looked at before the URL is asked for: a download that cannot be written sends nothing.
		return Downloads.write(target, minuteToken + ".media", MinuteApis.MEDIA.operation() + ".file",
				Schedulers.boundedElastic(), (writer) -> url.flatMap((found) -> this.caller
					.<String>downloaderAt(MinuteApis.MEDIA, mediaUri(found), this.downloadTimeout)
					.apply(writer)));
	}

	@Override
	public Mono<MinuteArtifacts> artifacts(String minuteToken) {
		return this.caller.call(MinuteApis.ARTIFACTS, token(minuteToken));
	}

	@Override
	public Flux<MinuteSearchItem> search(MinuteSearchRequest request) {
		Assert.notNull(request, "request must not be null");
		Violations violations = new Violations("MinuteSearchRequest");
		String query = request.query();
		violations.addIf(query != null && (query.isEmpty() || query.length() > MAX_QUERY),
				"query must be 1 to " + MAX_QUERY + " characters");
		violations.addIf(request.ownerIds().size() > MAX_FILTER_IDS, "ownerIds names more than " + MAX_FILTER_IDS);
		violations.addIf(request.participantIds().size() > MAX_FILTER_IDS,
				"participantIds names more than " + MAX_FILTER_IDS);
		violations.addIf(request.createdFrom() != null && request.createdTo() != null
				&& request.createdTo().isBefore(request.createdFrom()), "createdTo must not be before createdFrom");
		violations.throwIfAny();
		boolean window = request.createdFrom() != null || request.createdTo() != null;
		boolean filtered = window || !request.ownerIds().isEmpty() || !request.participantIds().isEmpty();
		SearchBody body = new SearchBody(query,
				filtered ? new SearchFilter(request.ownerIds(), request.participantIds(),
						window ? new TimeRange(iso(request.createdFrom()), iso(request.createdTo())) : null) : null,
				request.newestFirst() ? NEWEST_FIRST : null);
		return this.caller.pages(MinuteApis.SEARCH, Params.path().body(body));
	}

	@Override
	public Mono<Void> subscribe() {
		return this.caller
			.call(MinuteApis.SUBSCRIBE, Params.path().body(new EventTypeBody(MinuteGeneratedEvent.TYPE)))
			.then();
	}

	@Override
	public Mono<Void> unsubscribe() {
		return this.caller
			.call(MinuteApis.UNSUBSCRIBE, Params.path().body(new EventTypeBody(MinuteGeneratedEvent.TYPE)))
			.then();
	}

	private static Params transcriptParams(String minuteToken, TranscriptExport export) {
		Assert.notNull(export, "export must not be null");
		return Params.path(token(minuteToken))
			.query("need_speaker", export.speakers())
			.query("need_timestamp", export.timestamps())
			.query("file_format", export.format().code());
	}

	private static String token(String minuteToken) {
		Assert.isTrue(MinuteLinks.isToken(minuteToken),
				() -> "minuteToken must be a minute's token, 24 lowercase letters and digits (MinuteLinks.token "
						+ "reads it from a link), was " + ((minuteToken == null) ? "null"
								: minuteToken.length() + " characters"));
		return minuteToken;
	}

	/** The media's URL, which must be an absolute http(s) URL: the platform's answer, checked before it is used. */
	private static URI mediaUri(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			if (uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// Reported below, without the URL: it is a credential.
		}
		throw new FeishuVcInvalidResponseException(CallInfo.noResponse(MinuteApis.MEDIA.operation(), 1),
				"a download_url that is not an absolute http(s) URL", new byte[0]);
	}

	private static @Nullable String iso(@Nullable OffsetDateTime time) {
		return (time != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : null;
	}

}
