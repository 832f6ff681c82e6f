package io.github.feishuvc.events.webhook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.FeishuEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * What the event endpoint does with a request, whichever web server delivered it: authenticates it, answers the
 * platform's URL verification, keeps a store app's {@code app_ticket} in the {@link AppTicketStore}, and hands every
 * other event to the {@link EventDispatcher}, which publishes it once per event id.
 *
 * <p>Every sender is treated as hostile. A request refused for any reason (not JSON, not decryptable, no or a bad
 * signature, a stale or unreadable timestamp, a wrong verification token, another app's event) gets one and the same
 * answer, {@link Reply#REFUSED}, so that its outcome tells the sender nothing (an encrypted endpoint that answered
 * differently for bad padding and for bad JSON would let anyone decrypt captured events byte by byte). The reason is
 * logged at DEBUG, counted by the refusal listener, and at most once a minute logged at WARN. The other failure
 * answers are {@link Reply#TICKET_NOT_KEPT}, when the application's own ticket store fails or takes longer than
 * {@link #TICKET_TIMEOUT}, and {@link Reply#NOT_PUBLISHED}, when the listener executor refuses the event, another
 * delivery of it holds an unconfirmed claim, or the answer would take longer than {@link #REPLY_TIMEOUT}: the platform
 * then delivers it again, and the delivery's claim is given up so that the next one is published.
 *
 * <p>With an encrypt key, the timestamp and the signature (which covers the raw body) are checked before any JSON is
 * read, and only the URL verification may come without one (a body of at most {@link #MAX_UNSIGNED_SIZE}); without
 * an encrypt key nothing but the verification token authenticates a request, so a key is strongly recommended. Every
 * parse is bounded in depth and tokens, and anything but a JSON object is refused at its first token. In both modes a request timestamp further than {@code maxClockSkew}
 * from the clock is refused as a replay (required on signed requests). Neither the event's content nor a ticket,
 * token or key ever reaches a log line.
 */
public final class FeishuEventReceiver {

	/** Largest event body read; the platform's events are a few kilobytes. */
	public static final int MAX_BODY_SIZE = 1024 * 1024;

	/**
	 * Largest body read without a signature when an encrypt key is set: only the URL verification may come so, and it
	 * is a few hundred bytes.
	 */
	public static final int MAX_UNSIGNED_SIZE = 4 * 1024;

	/** Longest the answer to a request may take; past it the platform is asked to deliver the event again. */
	public static final Duration REPLY_TIMEOUT = EventDispatcher.ANSWER_DEADLINE;

	/** Request header with the request's timestamp (Unix seconds). */
	public static final String TIMESTAMP_HEADER = "X-Lark-Request-Timestamp";

	/** Request header with the request's nonce. */
	public static final String NONCE_HEADER = "X-Lark-Request-Nonce";

	/** Request header with the request's signature. */
	public static final String SIGNATURE_HEADER = "X-Lark-Signature";

	/** Longest an app ticket may take to be kept, well inside the platform's own deadline of an answer. */
	public static final Duration TICKET_TIMEOUT = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(FeishuEventReceiver.class);

	private static final String APP_TICKET = "app_ticket";

	/**
	 * Reads a request's JSON within bounds, whoever sent it: an event has a few hundred tokens and a shallow tree, so a
	 * body built to cost a parse (deep nesting, thousands of empty objects) is refused once it passes them.
	 */
	private static final ObjectReader OBJECT_READER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxTokenCount(20_000).build())
			.build())
		.build()
		.readerFor(ObjectNode.class);

	private final String appId;

	private final byte[] verificationToken;

	private final @Nullable EventCipher cipher;

	private final long maxClockSkewSeconds;

	private final AppTicketStore tickets;

	private final EventDispatcher dispatcher;

	private final Clock clock;

	private final RefusalLog refusals;

	/**
	 * Create a receiver.
	 * @param settings the app id, verification token, encrypt key and allowed clock skew
	 * @param tickets where app tickets are kept
	 * @param dispatcher publishes the other events, once per event id
	 * @param clock the clock request timestamps are compared with
	 * @param refusals told of every refused request, such as a counter per reason
	 */
	public FeishuEventReceiver(Settings settings, AppTicketStore tickets, EventDispatcher dispatcher, Clock clock,
			RefusalListener refusals) {
		this.appId = settings.appId();
		this.verificationToken = settings.verificationToken().getBytes(StandardCharsets.UTF_8);
		this.cipher = (settings.encryptKey() != null) ? new EventCipher(settings.encryptKey()) : null;
		this.maxClockSkewSeconds = settings.maxClockSkew().toSeconds();
		this.tickets = tickets;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.refusals = new RefusalLog(refusals);
	}

	/**
	 * Handle one request to the event endpoint.
	 * @param request the request's signature headers and raw body
	 * @return the answer for the platform; never an error
	 */
	public Mono<Reply> receive(EventRequest request) {
		try {
			return handle(request).timeout(REPLY_TIMEOUT, Mono.fromSupplier(() -> {
				logger.warn("An event request took longer than " + REPLY_TIMEOUT.toMillis() + "ms to handle; "
						+ "answering 503 so that the platform delivers it again");
				return Reply.NOT_PUBLISHED;
			}));
		}
		catch (Refusal refusal) {
			return Mono.just(refuse(refusal.reason));
		}
	}

	/**
	 * Refuse a body larger than {@link #MAX_BODY_SIZE}, which the endpoint did not read.
	 * @return the answer for the platform
	 */
	public Reply tooLarge() {
		return refuse(RefusalReason.TOO_LARGE);
	}

	private Reply refuse(RefusalReason reason) {
		this.refusals.refused(reason);
		return Reply.REFUSED;
	}

	private Mono<Reply> handle(EventRequest request) {
		byte[] body = request.body();
		boolean signed = request.signature() != null;
		ObjectNode event;
		if (this.cipher != null) {
			if (signed) {
				// The signature covers the raw body: checked before any of it is read.
				checkTimestamp(request.timestamp(), true);
				checkSignature(this.cipher, request);
			}
			else if (body.length > MAX_UNSIGNED_SIZE) {
				// Only the URL verification, a few hundred bytes, may come without a signature.
				throw new Refusal(RefusalReason.MISSING_SIGNATURE);
			}
			JsonNode encrypted = parse(body, RefusalReason.NOT_JSON).get("encrypt");
			if (encrypted == null || !encrypted.isString()) {
				throw new Refusal(RefusalReason.NOT_ENCRYPTED);
			}
			// One reason whether the padding or the plaintext is wrong: telling them apart is a padding oracle.
			event = parse(decrypt(this.cipher, encrypted.asString()), RefusalReason.UNDECRYPTABLE);
		}
		else {
			event = parse(body, RefusalReason.NOT_JSON);
			if (event.has("encrypt")) {
				throw new Refusal(RefusalReason.UNEXPECTED_ENCRYPTION);
			}
		}
		boolean urlVerification = "url_verification".equals(event.path("type").asString(""));
		if (this.cipher != null && !signed && !urlVerification) {
			// Like the platform's own SDK, only the URL verification may come without a signature.
			throw new Refusal(RefusalReason.MISSING_SIGNATURE);
		}
		if (!signed || this.cipher == null) {
			// Without a key a signature header proves nothing: the replay check runs whatever headers came.
			checkTimestamp(request.timestamp(), false);
		}
		JsonNode header = event.get("header");
		boolean v2 = header instanceof ObjectNode;
		checkToken(v2 ? header.path("token").asString("") : event.path("token").asString(""));
		if (urlVerification) {
			String challenge = event.path("challenge").asString("");
			return Mono.just(new Reply(200, FeishuVcJson.mapper()
				.writeValueAsString(FeishuVcJson.mapper().createObjectNode().put("challenge", challenge))));
		}
		FeishuEvent published = FeishuEvent.of(event);
		if (published == null) {
			throw new Refusal(RefusalReason.NOT_AN_EVENT);
		}
		String appId = published.appId();
		boolean ticket = APP_TICKET.equals(published.type());
		if ((appId != null || ticket) && !this.appId.equals(appId)) {
			throw new Refusal(RefusalReason.ANOTHER_APP);
		}
		if (ticket) {
			return keepTicket(text(event.path("event").path("app_ticket")), pushedAt(event.path("ts")));
		}
		return this.dispatcher.dispatch(published)
			.map((outcome) -> outcome.acknowledged() ? Reply.SUCCESS : Reply.NOT_PUBLISHED)
			.onErrorResume((ex) -> {
				logger.warn("Could not publish " + published + " (" + ex.getClass().getSimpleName()
						+ "); answering 503 so that the platform delivers it again");
				return Mono.just(Reply.NOT_PUBLISHED);
			});
	}

	private Mono<Reply> keepTicket(@Nullable String ticket, Instant pushedAt) {
		if (ticket == null) {
			throw new Refusal(RefusalReason.NO_TICKET);
		}
		return Mono.defer(() -> this.tickets.save(this.appId, ticket, pushedAt))
			.timeout(TICKET_TIMEOUT)
			.then(Mono.fromSupplier(() -> {
				logger.info("Received the app_ticket of store app " + this.appId);
				return Reply.SUCCESS;
			}))
			.onErrorResume((ex) -> {
				logger.warn("Could not keep the app_ticket of store app " + this.appId + " ("
						+ ex.getClass().getSimpleName() + "); answering 500 so that the platform pushes it again");
				return Mono.just(Reply.TICKET_NOT_KEPT);
			});
	}

	/** When the platform pushed a ticket ({@code ts} of the event, Unix seconds), else now. */
	private Instant pushedAt(JsonNode ts) {
		String value = ts.asString("").strip();
		if (value.length() <= 32) {
			try {
				BigDecimal seconds = new BigDecimal(value);
				if (seconds.signum() > 0) {
					return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, RoundingMode.DOWN).longValueExact());
				}
			}
			catch (NumberFormatException | ArithmeticException ex) {
				// the arrival time below
			}
		}
		return this.clock.instant();
	}

	private static byte[] decrypt(EventCipher cipher, String encrypted) {
		try {
			return cipher.decrypt(encrypted);
		}
		catch (GeneralSecurityException ex) {
			throw new Refusal(RefusalReason.UNDECRYPTABLE);
		}
	}

	/** Compared as whole seconds, so that no timestamp, however large, overflows. */
	private void checkTimestamp(@Nullable String timestamp, boolean required) {
		if (timestamp == null) {
			if (required) {
				throw new Refusal(RefusalReason.MISSING_TIMESTAMP);
			}
			return;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw new Refusal(RefusalReason.BAD_TIMESTAMP);
		}
		long now = this.clock.instant().getEpochSecond();
		if (seconds < now - this.maxClockSkewSeconds || seconds > now + this.maxClockSkewSeconds) {
			throw new Refusal(RefusalReason.STALE_TIMESTAMP);
		}
	}

	private static void checkSignature(EventCipher cipher, EventRequest request) {
		String timestamp = request.timestamp();
		String nonce = request.nonce();
		String signature = request.signature();
		if (timestamp == null || nonce == null || signature == null
				|| !cipher.verify(timestamp, nonce, request.body(), signature)) {
			throw new Refusal(RefusalReason.BAD_SIGNATURE);
		}
	}

	private void checkToken(String token) {
		if (!MessageDigest.isEqual(this.verificationToken, token.getBytes(StandardCharsets.UTF_8))) {
			throw new Refusal(RefusalReason.WRONG_TOKEN);
		}
	}

	/** A JSON object, read within the stream's bounds: anything else is refused at its first token. */
	private static ObjectNode parse(byte[] json, RefusalReason reason) {
		try {
			ObjectNode object = OBJECT_READER.readValue(json);
			if (object != null) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// refused below
		}
		throw new Refusal(reason);
	}

	private static @Nullable String text(JsonNode node) {
		String value = node.asString("");
		return value.isEmpty() ? null : value;
	}

	@Override
	public String toString() {
		return "FeishuEventReceiver[appId=" + this.appId + ", encrypted=" + (this.cipher != null) + "]";
	}

	/**
	 * Settings of a receiver.
	 *
	 * @param appId the app's id; events and tickets of other apps are refused
	 * @param verificationToken the app's verification token
	 * @param encryptKey the app's encrypt key, or {@code null} if it has none
	 * @param maxClockSkew the largest difference allowed between a request's timestamp and the clock
	 */
	public record Settings(String appId, String verificationToken, @Nullable String encryptKey,
			Duration maxClockSkew) {

		/**
		 * Check the settings.
		 * @param appId the app's id; events and tickets of other apps are refused
		 * @param verificationToken the app's verification token
		 * @param encryptKey the app's encrypt key, or {@code null} if it has none
		 * @param maxClockSkew the largest difference allowed between a request's timestamp and the clock
		 * @throws IllegalArgumentException if the app id or token is empty, or the clock skew under a second
		 */
		public Settings {
			Assert.hasText(appId, "appId must not be empty");
			Assert.hasText(verificationToken, "verificationToken must not be empty");
			Assert.isTrue(encryptKey == null || !encryptKey.isEmpty(), "encryptKey must not be empty");
			Assert.isTrue(maxClockSkew.toSeconds() > 0, "maxClockSkew must be at least a second");
		}

		/** Never shows the token or key. */
		@Override
		public String toString() {
			return "Settings[appId=" + this.appId + ", maxClockSkew=" + this.maxClockSkew + "]";
		}

	}

	/**
	 * A request to the event endpoint.
	 *
	 * @param timestamp the {@code X-Lark-Request-Timestamp} header, if any
	 * @param nonce the {@code X-Lark-Request-Nonce} header, if any
	 * @param signature the {@code X-Lark-Signature} header, if any
	 * @param body the raw body
	 */
	public record EventRequest(@Nullable String timestamp, @Nullable String nonce, @Nullable String signature,
			byte[] body) {

		/** Never shows the body. */
		@Override
		public String toString() {
			return "EventRequest[" + this.body.length + " bytes]";
		}

	}

	/**
	 * The answer for the platform.
	 *
	 * @param status the HTTP status
	 * @param json the JSON body
	 */
	public record Reply(int status, String json) {

		/** An event or ticket accepted. */
		public static final Reply SUCCESS = message(200, "success");

		/** Every refused request, whatever the reason. */
		public static final Reply REFUSED = message(400, "refused");

		/** The application's ticket store failed: the platform pushes the ticket again. */
		public static final Reply TICKET_NOT_KEPT = message(500, "ticket not kept");

		/** The listener executor refused the event: the platform delivers it again. */
		public static final Reply NOT_PUBLISHED = message(503, "event not published");

		static Reply message(int status, String msg) {
			return new Reply(status,
					FeishuVcJson.mapper().writeValueAsString(FeishuVcJson.mapper().createObjectNode().put("msg", msg)));
		}

	}

	/** A request refused before anything was kept or published; the reason stays on this side. */
	private static final class Refusal extends RuntimeException {

		private final RefusalReason reason;

		Refusal(RefusalReason reason) {
			super(null, null, false, false);
			this.reason = reason;
		}

	}

}
