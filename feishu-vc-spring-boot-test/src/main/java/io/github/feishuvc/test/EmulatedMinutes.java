package io.github.feishuvc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.feishuvc.internal.MinuteApis;
import io.github.feishuvc.test.MinuteTexts.Line;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ContentDisposition;

import static io.github.feishuvc.test.EmulatedJson.envelope;
import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * The minutes (妙记, {@code minutes.md} §4, §5): a meeting recorded and ended has a minute once its recording is ready,
 * its token the one in the recording's URL, made of what was said while it was recorded
 * ({@link EmulatedMeetings#say}); a test can also add the minute of an uploaded file. Each minute answers its
 * information, its transcript in {@code txt} and {@code srt} ({@link MinuteTexts}), its statistics (the users' reads
 * of it), a media file written to disk when it is made and served, without a token, from a URL valid for a day, its
 * AI artifacts, and the search; {@code minutes.minute.generated_v1} goes to the readers subscribed when it is made. The app's
 * tenant access token reads every minute of its tenant; a user only those of meetings they joined, or theirs.
 */
final class EmulatedMinutes implements VcRoutes.Endpoints {

	static final String GENERATED = "minutes.minute.generated_v1";

	/** Where the media's pre-signed URLs point, as the platform's example does. */
	static final String MEDIA_PATH = "/space/api/box/stream/download/authcode/";

	/** The size of every media file: large enough to be sent in many buffers. */
	static final int MEDIA_SIZE = 64 * 1024;

	private static final Duration MEDIA_URL_LIFETIME = Duration.ofDays(1);

	private static final int MAX_QUERY = 50;

	private final Replies replies;

	private final Clock clock;

	private final EventSink events;

	private final Map<String, StoredMinute> minutes = new ConcurrentHashMap<>();

	/** Subscribed users by tenant. */
	private final EventSubscribers subscribers = new EventSubscribers();

	/** The media URLs handed out: the minute by code, until they expire. */
	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final AtomicLong made = new AtomicLong();

	private volatile String baseUrl = "http://127.0.0.1";

	private final ScratchDirectory directory = new ScratchDirectory("feishu-vc-emulator-minutes");

	EmulatedMinutes(Replies replies, Clock clock, EventSink events) {
		this.replies = replies;
		this.clock = clock;
		this.events = events;
	}

	/** The emulator's own URL, which the media URLs point to, once its server is bound. */
	void baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(MinuteApis.GET, (caller, call) -> readable(caller, call, (minute) -> {
			if (!caller.isApp()) {
				viewed(minute.token, caller.userId());
			}
			return get(minute);
		}));
		routes.handle(MinuteApis.TRANSCRIPT, (caller, call) -> readable(caller, call,
				(minute) -> transcript(minute, call.query())));
		routes.handle(MinuteApis.STATISTICS, (caller, call) -> readable(caller, call, this::statistics));
		routes.handle(MinuteApis.MEDIA, (caller, call) -> readable(caller, call, this::mediaUrl));
		routes.handle(MinuteApis.ARTIFACTS, (caller, call) -> readable(caller, call,
				(minute) -> this.replies.success(MinuteTexts.artifacts(minute.title, minute.lines, minute.length))));
		routes.handle(MinuteApis.SEARCH, (caller, call) -> search(caller, call.query(), call.body()));
		routes.handle(MinuteApis.SUBSCRIBE, (caller, call) -> subscription(caller, call.body(), true));
		routes.handle(MinuteApis.UNSUBSCRIBE, (caller, call) -> subscription(caller, call.body(), false));
	}

	/**
	 * A minute made: stored, then {@value #GENERATED} goes to its readers subscribed now.
	 * @param meetingId the meeting it was made of, or {@code null} for an upload
	 * @param readers who may read it, its owner among them
	 * @return its token
	 */
	String made(String tenantKey, String token, @Nullable String meetingId, String ownerId, String title,
			Duration length, List<String> readers, List<Line> lines, @Nullable String noteId, String url) {
		StoredMinute minute = new StoredMinute(token, tenantKey, meetingId, ownerId, title, length, List.copyOf(readers),
				List.copyOf(lines), noteId, url, this.clock.instant(), this.made.incrementAndGet());
		// Written now, off the server's event loops, where its download will not wait for the disk.
		mediaFile(minute);
		this.minutes.put(token, minute);
		List<String> subscribed = minute.readers.stream()
			.filter(this.subscribers.of(tenantKey, GENERATED)::contains)
			.toList();
		if (!subscribed.isEmpty()) {
			ObjectNode event = envelope(GENERATED);
			ObjectNode body = ((ObjectNode) event.get("event")).put("minute_token", token);
			if (meetingId != null) {
				body.putObject("minute_source").put("source_type", "meeting").put("source_entity_id", meetingId);
			}
			EmulatedNotes.subscriberIds(body, subscribed);
			this.events.push(tenantKey, List.of(event));
		}
		return token;
	}

	/** A minute of an uploaded file, said by its owner alone, a second a line. */
	String upload(String tenantKey, String ownerId, String title, List<String> said) {
		String token = "obcn" + this.replies.randomHex(10);
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < said.size(); i++) {
			lines.add(new Line(ownerId, Duration.ofSeconds(i), said.get(i)));
		}
		return made(tenantKey, token, null, ownerId, title, Duration.ofSeconds(said.size()), List.of(ownerId), lines,
				null, "https://meetings.feishu.cn/minutes/" + token);
	}

	/** The token of a meeting's minute, once its recording is ready. */
	Optional<String> ofMeeting(String meetingId) {
		return this.minutes.values()
			.stream()
			.filter((minute) -> meetingId.equals(minute.meetingId))
			.map((minute) -> minute.token)
			.findFirst();
	}

	/** A minute's transcript as the platform exports it, or {@code null} for an unknown minute or format. */
	@Nullable String transcript(String token, String format, boolean speakers, boolean timestamps) {
		StoredMinute minute = this.minutes.get(token);
		return (minute != null) ? MinuteTexts.transcript(minute.lines, minute.length, format, speakers, timestamps)
				: null;
	}

	/** A minute's media file. */
	Path media(String token) {
		StoredMinute minute = this.minutes.get(token);
		if (minute == null) {
			throw new IllegalArgumentException("No minute " + token);
		}
		return mediaFile(minute);
	}

	/** Mark a minute deleted ({@code 2091004}), or still being transcribed ({@code 2091003}). */
	void state(String token, boolean deleted, boolean transcribing) {
		StoredMinute minute = this.minutes.get(token);
		if (minute == null) {
			throw new IllegalArgumentException("No minute " + token);
		}
		minute.deleted = deleted;
		minute.transcribing = transcribing;
	}

	/** {@code GET} of a media URL: the file, sent from disk, to whoever holds an unexpired code, with no token. */
	Reply downloadMedia(Map<String, List<String>> query) {
		String code = first(query, "code");
		Grant grant = (code != null) ? this.grants.get(code) : null;
		if (grant == null || this.clock.instant().isAfter(grant.expires)) {
			return this.replies.text(403, "text/plain; charset=utf-8", "invalid or expired code");
		}
		StoredMinute minute = this.minutes.get(grant.token);
		return this.replies.file(mediaPath(minute), "video/mp4", minute.token + ".mp4");
	}

	/** Delete the media files written. */
	void close() {
		this.directory.delete();
	}

	private Reply readable(Caller caller, VcRoutes.VcCall call, Function<StoredMinute, Reply> answer) {
		String token = call.path("minute_token");
		if (token.length() != 24) {
			return this.replies.error(400, 2091001, "param is invalid");
		}
		StoredMinute minute = this.minutes.get(token);
		if (minute == null || !minute.tenantKey.equals(caller.tenantKey())) {
			return this.replies.error(404, 2091002, "resource not found");
		}
		if (minute.deleted) {
			return this.replies.error(400, 2091004, "resource deleted");
		}
		if (minute.transcribing) {
			return this.replies.error(400, 2091003, "minute not ready, try later");
		}
		if (!caller.isApp() && !minute.readers.contains(caller.userId())) {
			return this.replies.error(403, 2091005, "permission deny");
		}
		return answer.apply(minute);
	}

	private Reply get(StoredMinute minute) {
		ObjectNode data = this.replies.object();
		data.set("minute", view(minute));
		return this.replies.success(data);
	}

	private ObjectNode view(StoredMinute minute) {
		return this.replies.object()
			.put("token", minute.token)
			.put("owner_id", minute.ownerId)
			.put("create_time", Long.toString(minute.createdAt.toEpochMilli()))
			.put("title", minute.title)
			.put("cover", this.baseUrl + "/space/api/box/stream/download/all/cover-" + minute.token)
			.put("duration", Long.toString(minute.length.toMillis()))
			.put("url", minute.url)
			.put("note_id", (minute.noteId != null) ? minute.noteId : "");
	}

	private Reply transcript(StoredMinute minute, Map<String, List<String>> query) {
		String format = Optional.ofNullable(first(query, "file_format")).orElse("txt");
		Boolean speakers = flag(first(query, "need_speaker"));
		Boolean timestamps = flag(first(query, "need_timestamp"));
		String text = (speakers != null && timestamps != null)
				? MinuteTexts.transcript(minute.lines, minute.length, format, speakers, timestamps) : null;
		if (text == null) {
			return this.replies.error(400, 2091001, "param is invalid");
		}
		return this.replies.text(200, "text/plain; charset=utf-8", text)
			.withHeader("Content-Disposition", ContentDisposition.attachment()
				.filename(minute.title + "." + format, StandardCharsets.UTF_8)
				.build()
				.toString());
	}

	private static @Nullable Boolean flag(@Nullable String value) {
		return (value == null) ? Boolean.FALSE
				: ("true".equals(value) ? Boolean.TRUE : ("false".equals(value) ? Boolean.FALSE : null));
	}

	private Reply statistics(StoredMinute minute) {
		Map<String, Instant> latest = new LinkedHashMap<>();
		int views;
		synchronized (minute) {
			minute.views.forEach((view) -> latest.put(view.userId(), view.at()));
			views = minute.views.size();
		}
		ObjectNode statistics = this.replies.object()
			.put("user_view_count", Integer.toString(latest.size()))
			.put("page_view_count", Integer.toString(views));
		ArrayNode list = statistics.putArray("user_view_list");
		latest.forEach((userId, at) -> list.addObject()
			.put("user_id", userId)
			.put("view_time", Long.toString(at.toEpochMilli())));
		ObjectNode data = this.replies.object();
		data.set("statistics", statistics);
		return this.replies.success(data);
	}

	private Reply mediaUrl(StoredMinute minute) {
		String code = this.replies.randomHex(16);
		this.grants.put(code, new Grant(minute.token, this.clock.instant().plus(MEDIA_URL_LIFETIME)));
		return this.replies.success(this.replies.object().put("download_url", this.baseUrl + MEDIA_PATH + "?code=" + code));
	}

	/** Where a minute's media file is: a name, no look at the disk (the download asks on an event loop). */
	private Path mediaPath(StoredMinute minute) {
		return this.directory.resolve(minute.token + ".mp4");
	}

	private Path mediaFile(StoredMinute minute) {
		try {
			Path file = mediaPath(minute);
			if (!Files.exists(file)) {
				byte[] line = ("emulated media of minute " + minute.token + " (" + minute.title + ")\n")
					.getBytes(StandardCharsets.UTF_8);
				byte[] content = new byte[MEDIA_SIZE];
				for (int i = 0; i < content.length; i++) {
					content[i] = line[i % line.length];
				}
				Files.write(file, content);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Reply search(Caller caller, Map<String, List<String>> query, byte[] bytes) {
		String size = first(query, "page_size");
		String pageToken = first(query, "page_token");
		if (size != null && (!EmulatedJson.isDigits(size) || Integer.parseInt(size) > 30 || Integer.parseInt(size) < 1)) {
			return this.replies.error(400, 2094006, "page size exceeds max");
		}
		if (pageToken != null && !pageToken.isEmpty() && !EmulatedJson.isDigits(pageToken)) {
			return this.replies.error(400, 2094005, "page token invalid or expired");
		}
		ObjectNode body = this.replies.parseObject(bytes);
		if (body == null) {
			return this.replies.error(400, 2094001, "invalid request parameter");
		}
		String keyword = body.path("query").asString("");
		if (keyword.length() > MAX_QUERY) {
			return this.replies.error(400, 2094002, "query too long");
		}
		String sorter = body.path("sorter").asString("");
		if (!sorter.isEmpty() && !"create_time_desc".equals(sorter)) {
			return this.replies.error(400, 2094004, "invalid sorter");
		}
		JsonNode filter = body.path("filter");
		Instant from;
		Instant to;
		try {
			from = iso(filter.path("create_time").path("start_time").asString(""));
			to = iso(filter.path("create_time").path("end_time").asString(""));
		}
		catch (DateTimeParseException ex) {
			return this.replies.error(400, 2094102, "time not ISO 8601");
		}
		List<String> owners = strings(filter.path("owner_ids"));
		List<String> participants = strings(filter.path("participant_ids"));
		Comparator<StoredMinute> order = Comparator.comparingLong((StoredMinute minute) -> minute.sequence);
		List<ObjectNode> found = this.minutes.values()
			.stream()
			.filter((minute) -> minute.tenantKey.equals(caller.tenantKey()) && !minute.deleted
					&& minute.readers.contains(caller.userId()))
			.filter((minute) -> keyword.isEmpty() || matches(minute, keyword))
			.filter((minute) -> owners.isEmpty() || owners.contains(minute.ownerId))
			.filter((minute) -> participants.isEmpty() || minute.readers.stream().anyMatch(participants::contains))
			.filter((minute) -> (from == null || !minute.createdAt.isBefore(from))
					&& (to == null || !minute.createdAt.isAfter(to)))
			.sorted(sorter.isEmpty() ? order : order.reversed())
			.map((minute) -> item(minute, keyword))
			.toList();
		ObjectNode data = this.replies.page(found, "items", size, pageToken, 15, 1, 30);
		if (data == null) {
			return this.replies.error(400, 2094005, "page token invalid or expired");
		}
		data.put("total", found.size());
		return this.replies.success(data);
	}

	private static boolean matches(StoredMinute minute, String keyword) {
		String lower = keyword.toLowerCase(Locale.ROOT);
		return minute.title.toLowerCase(Locale.ROOT).contains(lower)
				|| minute.lines.stream().anyMatch((line) -> line.text().toLowerCase(Locale.ROOT).contains(lower));
	}

	private ObjectNode item(StoredMinute minute, String keyword) {
		String display = keyword.isEmpty() ? minute.title : minute.title.replace(keyword, "<em>" + keyword + "</em>");
		ObjectNode item = this.replies.object().put("token", minute.token).put("display_info", display);
		item.putObject("meta_data")
			.put("app_link", minute.url)
			.put("avatar", this.baseUrl + "/space/api/box/stream/download/all/cover-" + minute.token)
			.put("description", minute.title);
		return item;
	}

	private static @Nullable Instant iso(String value) {
		return value.isEmpty() ? null : OffsetDateTime.parse(value).toInstant();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString("")));
		return values;
	}

	private Reply subscription(Caller caller, byte[] bytes, boolean subscribe) {
		ObjectNode body = this.replies.parseObject(bytes);
		String asked = (body != null) ? body.path("event_type").asString("") : "";
		if (!asked.isEmpty() && !asked.equals(GENERATED)) {
			return this.replies.error(400, 2091001, "param is invalid");
		}
		this.subscribers.set(caller.tenantKey(), GENERATED, caller.userId(), subscribe);
		return this.replies.success(this.replies.object());
	}

	/** Count a user's read of a minute, for its statistics. */
	void viewed(String token, String userId) {
		StoredMinute minute = this.minutes.get(token);
		if (minute != null) {
			synchronized (minute) {
				minute.views.add(new View(userId, this.clock.instant()));
			}
		}
	}

	/** A media URL handed out: whose file, until when. */
	private record Grant(String token, Instant expires) {
	}

	/** One read of a minute by a user. */
	private record View(String userId, Instant at) {
	}

	/** A minute, with the users' reads of it; the reads are changed and read under the minute's lock. */
	private static final class StoredMinute {

		final String token;

		final String tenantKey;

		final @Nullable String meetingId;

		final String ownerId;

		final String title;

		final Duration length;

		final List<String> readers;

		final List<Line> lines;

		final @Nullable String noteId;

		final String url;

		final Instant createdAt;

		final long sequence;

		final List<View> views = new ArrayList<>();

		volatile boolean deleted;

		volatile boolean transcribing;

		StoredMinute(String token, String tenantKey, @Nullable String meetingId, String ownerId, String title,
				Duration length, List<String> readers, List<Line> lines, @Nullable String noteId, String url,
				Instant createdAt, long sequence) {
			this.token = token;
			this.tenantKey = tenantKey;
			this.meetingId = meetingId;
			this.ownerId = ownerId;
			this.title = title;
			this.length = length;
			this.readers = readers;
			this.lines = lines;
			this.noteId = noteId;
			this.url = url;
			this.createdAt = createdAt;
			this.sequence = sequence;
		}

	}

}
