package io.github.feishuvc.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApi.App;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.internal.MeetingRequests.EventTypeBody;
import io.github.feishuvc.minutes.Minute;
import io.github.feishuvc.minutes.MinuteArtifacts;
import io.github.feishuvc.minutes.MinuteSearchItem;
import io.github.feishuvc.minutes.MinuteStatistics;
import org.jspecify.annotations.Nullable;

/**
 * The minutes (妙记, {@code minutes.md} §4): each declared once. A minute's reads take the app's or a user's token, 5
 * calls a second; its AI artifacts and the search serve self-built apps only; the search and the subscriptions take a
 * user token only. Every time and length of the API is in milliseconds ({@link MillisecondsJson}).
 */
public final class MinuteApis {

	private static final String MINUTES = "/open-apis/minutes/v1/minutes";

	private static final String MINUTE = MINUTES + "/{minute_token}";

	/** The documented limit of a minute's reads: 5 a second. */
	private static final RateLimit FIVE_A_SECOND = new RateLimit(5, 300);

	/** {@code GET /minutes/:minute_token}: a minute's information. */
	public static final FeishuApi<Minute> GET = read("minute.get", MINUTE, "minutes:minutes",
			"minutes:minutes.basic:read", "minutes:minutes:readonly")
		.userIdType()
		.returning("minute", Minute.class);

	/**
	 * {@code GET /minutes/:minute_token/transcript}: the transcript as a file. The answer read here is the JSON of a
	 * refusal: the file itself is streamed (see {@code MinuteTemplate}). {@code minutes:minute:download} is the
	 * legacy scope, no longer granted to new apps.
	 */
	public static final FeishuApi<Boolean> TRANSCRIPT = read("minute.transcript", MINUTE + "/transcript",
			"minutes:minutes.transcript:export", "minutes:minute:download")
		.query("need_speaker", "need_timestamp", "file_format")
		.acknowledged();

	/** {@code GET /minutes/:minute_token/statistics}: who viewed a minute, and how often. */
	public static final FeishuApi<MinuteStatistics> STATISTICS = read("minute.statistics", MINUTE + "/statistics",
			"minutes:minutes", "minutes:minutes.statistics:read", "minutes:minutes:readonly")
		.userIdType()
		.returning("statistics", MinuteStatistics.class);

	/** {@code GET /minutes/:minute_token/media}: a URL of the minute's audio or video, valid for a day. */
	public static final FeishuApi<String> MEDIA = read("minute.media", MINUTE + "/media",
			"minutes:minutes.media:export", "minutes:minute:download")
		.returning("download_url", String.class);

	/** {@code GET /minutes/:minute_token/artifacts}: the AI summary, chapters, todos; self-built apps only. */
	public static final FeishuApi<MinuteArtifacts> ARTIFACTS = read("minute.artifacts", MINUTE + "/artifacts",
			"minutes:minutes.artifacts:read")
		.apps(App.SELF_BUILT)
		.returningData(MinuteArtifacts.class);

	/** {@code POST /minutes/search}: the minutes a user may see; self-built apps, 100 a minute, pages in the query. */
	public static final FeishuApi<Page<MinuteSearchItem>> SEARCH = searchErrors(FeishuApi
		.post("minute.search", MINUTES + "/search")
		.read()
		.tokens(Token.USER)
		.apps(App.SELF_BUILT)
		.scopes("minutes:minutes.search:read")
		.limit(RateLimit.perMinute(100))
		.userIdType()
		.mapper(MillisecondsJson.mapper())
		.body(SearchBody.class))
		.paged("items", MinuteSearchItem.class, 30, false);

	/** {@code POST /minutes/subscription}: the user's subscription to {@code minutes.minute.generated_v1}. */
	public static final FeishuApi<Boolean> SUBSCRIBE = subscription("minute.subscription", MINUTES + "/subscription");

	/** {@code POST /minutes/unsubscription}: the user's subscription ended. */
	public static final FeishuApi<Boolean> UNSUBSCRIBE = subscription("minute.unsubscription",
			MINUTES + "/unsubscription");

	private MinuteApis() {
	}

	/** A read of one minute: either token, every kind of app, 5 a second, the minutes' error codes. */
	private static FeishuApiBuilder read(String operation, String path, String... scopes) {
		return minuteErrors(FeishuApi.get(operation, path)
			.tokens(Token.TENANT, Token.USER)
			.scopes(scopes)
			.limit(FIVE_A_SECOND)
			.mapper(MillisecondsJson.mapper()));
	}

	/** A subscription's change: a user token, every kind of app, a body naming the event type. */
	private static FeishuApi<Boolean> subscription(String operation, String path) {
		return minuteErrors(FeishuApi.post(operation, path)
			.read()
			.tokens(Token.USER)
			.scopes("minutes:minutes.basic:read")
			.body(EventTypeBody.class))
			.acknowledged();
	}

	/**
	 * The minutes' codes ({@code minutes.md} §3). {@code 2091003} (not ready: transcription or AI generation still
	 * runs) keeps the platform's general meaning, a {@code FeishuVcApiException} of that code: ask again later.
	 */
	private static FeishuApiBuilder minuteErrors(FeishuApiBuilder builder) {
		return builder.error(2091001, Meaning.INVALID_PARAMETER)
			.error(2091002, Meaning.NOT_FOUND)
			.error(2091004, Meaning.NOT_FOUND)
			.error(2091005, Meaning.PERMISSION_DENIED)
			.error(2091006, Meaning.SERVER_ERROR);
	}

	/** The search's codes ({@code minutes.md} §4.6). */
	private static FeishuApiBuilder searchErrors(FeishuApiBuilder builder) {
		for (int code : new int[] { 2094001, 2094002, 2094003, 2094004, 2094005, 2094006, 2094007, 2094101,
				2094102 }) {
			builder.error(code, Meaning.INVALID_PARAMETER);
		}
		for (int code : new int[] { 2095001, 2095002, 2095101 }) {
			builder.error(code, Meaning.SERVER_ERROR);
		}
		return builder;
	}

	/**
	 * Search the minutes a user may see.
	 *
	 * @param query the keyword
	 * @param filter the filters
	 * @param sorter the order ({@code create_time_desc}), or {@code null} for the platform's
	 */
	public record SearchBody(@Nullable String query, @Nullable SearchFilter filter, @Nullable String sorter) {
	}

	/**
	 * The filters of a minutes search.
	 *
	 * @param ownerIds owners' open ids
	 * @param participantIds participants' open ids
	 * @param createTime the window the minutes were made in, ISO 8601 with an offset
	 */
	public record SearchFilter(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> ownerIds,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> participantIds,
			MeetingRequests.@Nullable TimeRange createTime) {
	}

}
