package io.github.feishuvc.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.core.FeishuVcJson;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * What the event endpoint does with a request, whichever web server delivered it: answers the platform's URL
 * verification; decrypts the event (with an Encrypt Key); refuses it with HTTP 401 when its signature, timestamp,
 * verification token or app id is not right, and with 400 when it is not an event at all; keeps an
 * {@code app_ticket} in the {@link AppTicketStore}; and publishes every other event, once per event id, as a
 * {@link FeishuEvent}.
 *
 * <p>It answers as soon as the event is checked and kept: listeners are called on another thread, so a slow one never
 * makes the platform wait past its deadline and deliver the event again. Neither the event's content nor a ticket,
 * token or key ever reaches a log line.
 */
public final class FeishuEventReceiver {

	/** Largest event body read; the platform's events are a few kilobytes. */
	public static final int MAX_BODY_SIZE = 1024 * 1024;

	/** Request header with the request's timestamp (Unix seconds). */
	public static final String TIMESTAMP_HEADER = "X-Lark-Request-Timestamp";

	/** Request header with the request's nonce. */
	public static final String NONCE_HEADER = "X-Lark-Request-Nonce";

	/** Request header with the request's signature. */
	public static final String SIGNATURE_HEADER = "X-Lark-Signature";

	private static final Log logger = LogFactory.getLog(FeishuEventReceiver.class);

	private static final int REMEMBERED_EVENT_IDS = 10_000;

	private static final String APP_TICKET = "app_ticket";

	private final String appId;

	private final byte[] verificationToken;

	private final @Nullable EventCipher cipher;

	private final Duration maxClockSkew;

	private final AppTicketStore tickets;

	private final Consumer<FeishuEvent> publisher;

	private final Scheduler listenerScheduler;

	private final Clock clock;

	private final RecentEventIds published = new RecentEventIds(REMEMBERED_EVENT_IDS);

	/**
	 * Create a receiver.
	 * @param settings the app id, verification token, encrypt key and allowed clock skew
	 * @param tickets where app tickets are kept
	 * @param publisher publishes the other events, such as {@code ApplicationEventPublisher::publishEvent}
	 * @param listenerScheduler where the publisher is called, off the request's thread
	 * @param clock the clock request timestamps are compared with
	 */
	public FeishuEventReceiver(Settings settings, AppTicketStore tickets, Consumer<FeishuEvent> publisher,
			Scheduler listenerScheduler, Clock clock) {
		this.appId = settings.appId();
		this.verificationToken = settings.verificationToken().getBytes(StandardCharsets.UTF_8);
		this.cipher = (settings.encryptKey() != null) ? new EventCipher(settings.encryptKey()) : null;
		this.maxClockSkew = settings.maxClockSkew();
		this.tickets = tickets;
		this.publisher = publisher;
		this.listenerScheduler = listenerScheduler;
		this.clock = clock;
	}

	/**
	 * Handle one request to the event endpoint.
	 * @param request the request's signature headers and raw body
	 * @return the answer for the platform
	 */
	public Mono<Reply> receive(EventRequest request) {
		Mono<Reply> reply;
		try {
			reply = handle(request);
		}
		catch (Refusal refusal) {
			reply = Mono.just(refusal.reply());
		}
		return reply.onErrorResume((ex) -> {
			logger.warn("Could not keep the app_ticket of store app " + this.appId + " ("
					+ ex.getClass().getSimpleName() + "); answering 500 so that the platform pushes it again");
			return Mono.just(Reply.message(500, "ticket not kept"));
		});
	}

	private Mono<Reply> handle(EventRequest request) {
		ObjectNode outer = parse(request.body(), "not JSON");
		JsonNode encrypted = outer.get("encrypt");
		ObjectNode event;
		boolean signed = request.signature() != null;
		if (this.cipher != null) {
			if (encrypted == null || !encrypted.isString()) {
				throw refuse(401, "not encrypted, though an encrypt key is set");
			}
			// The signature covers the raw body: checked before anything is decrypted.
			if (signed) {
				checkTimestamp(request.timestamp(), true);
				checkSignature(request);
			}
			event = parse(decrypt(encrypted.asString()), "decrypted to something other than JSON");
		}
		else if (encrypted != null) {
			throw refuse(400, "encrypted, but no encrypt key is set (feishu.vc.events.encrypt-key)");
		}
		else {
			event = outer;
		}
		boolean urlVerification = "url_verification".equals(event.path("type").asString(""));
		if (this.cipher != null && !signed && !urlVerification) {
			// Like the platform's own SDK, only the URL verification may come without a signature.
			throw refuse(401, "no signature, though an encrypt key is set");
		}
		if (!signed) {
			checkTimestamp(request.timestamp(), false);
		}
		JsonNode header = event.get("header");
		boolean v2 = header instanceof ObjectNode;
		checkToken(v2 ? header.path("token").asString("") : event.path("token").asString(""));
		if (urlVerification) {
			String challenge = event.path("challenge").asString("");
			return Mono.just(new Reply(200, FeishuVcJson.mapper().writeValueAsString(
					FeishuVcJson.mapper().createObjectNode().put("challenge", challenge))));
		}
		JsonNode body = event.path("event");
		String type = v2 ? header.path("event_type").asString("") : body.path("type").asString("");
		if (!v2 && !"event_callback".equals(event.path("type").asString(""))) {
			throw refuse(400, "neither a version 1 nor a version 2 event");
		}
		if (type.isEmpty()) {
			throw refuse(400, "no event type");
		}
		String appId = text(v2 ? header.path("app_id") : body.path("app_id"));
		if (appId != null && !appId.equals(this.appId)) {
			throw refuse(401, "sent to another app");
		}
		if (APP_TICKET.equals(type)) {
			String ticket = text(body.path("app_ticket"));
			if (ticket == null) {
				throw refuse(400, "an app_ticket event without a ticket");
			}
			return this.tickets.save(this.appId, ticket).then(Mono.fromSupplier(() -> {
				logger.info("Received the app_ticket of store app " + this.appId);
				return Reply.SUCCESS;
			}));
		}
		String eventId = text(v2 ? header.path("event_id") : event.path("uuid"));
		if (eventId == null || this.published.add(eventId)) {
			publish(new FeishuEvent(type, eventId, text(v2 ? header.path("tenant_key") : body.path("tenant_key")),
					appId, withoutToken(event, v2)));
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Feishu event " + eventId + " (" + type + ") delivered again; published once already");
		}
		return Mono.just(Reply.SUCCESS);
	}

	private void publish(FeishuEvent event) {
		this.listenerScheduler.schedule(() -> {
			try {
				this.publisher.accept(event);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener failed on " + event, ex);
			}
		});
	}

	private byte[] decrypt(String encrypted) {
		try {
			return this.cipher.decrypt(encrypted);
		}
		catch (GeneralSecurityException ex) {
			throw refuse(400, "could not be decrypted with the encrypt key");
		}
	}

	private void checkTimestamp(@Nullable String timestamp, boolean required) {
		if (timestamp == null) {
			if (required) {
				throw refuse(401, "no " + TIMESTAMP_HEADER + " header");
			}
			return;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			throw refuse(401, "a timestamp that is not a number");
		}
		Duration skew = Duration.between(Instant.ofEpochSecond(seconds), this.clock.instant()).abs();
		if (skew.compareTo(this.maxClockSkew) > 0) {
			throw refuse(401, "a timestamp " + skew.toSeconds() + "s away from this machine's clock, more than "
					+ "feishu.vc.events.max-clock-skew allows");
		}
	}

	private void checkSignature(EventRequest request) {
		if (request.nonce() == null
				|| !this.cipher.verify(request.timestamp(), request.nonce(), request.body(), request.signature())) {
			throw refuse(401, "a signature that does not match the encrypt key");
		}
	}

	private void checkToken(String token) {
		if (!MessageDigest.isEqual(this.verificationToken, token.getBytes(StandardCharsets.UTF_8))) {
			throw refuse(401, "a verification token that is not the app's");
		}
	}

	private static ObjectNode parse(byte[] json, String problem) {
		try {
			if (FeishuVcJson.mapper().readTree(json) instanceof ObjectNode object) {
				return object;
			}
		}
		catch (JacksonException ex) {
			// refused below
		}
		throw refuse(400, problem);
	}

	private static String withoutToken(ObjectNode event, boolean v2) {
		ObjectNode copy = event.deepCopy();
		if (v2) {
			((ObjectNode) copy.get("header")).remove("token");
		}
		else {
			copy.remove("token");
		}
		return FeishuVcJson.mapper().writeValueAsString(copy);
	}

	private static @Nullable String text(JsonNode node) {
		String value = node.asString("");
		return value.isEmpty() ? null : value;
	}

	private static Refusal refuse(int status, String reason) {
		logger.warn("Refused a request to the Feishu event endpoint: " + reason);
		return new Refusal(Reply.message(status, reason));
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

		public Settings {
			Assert.hasText(appId, "appId must not be empty");
			Assert.hasText(verificationToken, "verificationToken must not be empty");
			Assert.isTrue(encryptKey == null || !encryptKey.isEmpty(), "encryptKey must not be empty");
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

		static final Reply SUCCESS = message(200, "success");

		static final Reply TOO_LARGE = message(413, "body too large");

		static Reply message(int status, String msg) {
			return new Reply(status,
					FeishuVcJson.mapper().writeValueAsString(FeishuVcJson.mapper().createObjectNode().put("msg", msg)));
		}

	}

	/** A request refused before anything was kept or published. */
	private static final class Refusal extends RuntimeException {

		private final Reply reply;

		Refusal(Reply reply) {
			super(null, null, false, false);
			this.reply = reply;
		}

		Reply reply() {
			return this.reply;
		}

	}

}
