package io.github.feishuvc.core;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.micrometer.common.KeyValue;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * The HTTP plumbing of one attempt of a call: sends a {@link FeishuVcRequest} with its bearer token, reads the body
 * (up to a size limit), and turns it into the payload or a {@link FeishuVcException} carrying the platform's code,
 * message, HTTP status and log id. Retries, tokens and rate limits are {@link FeishuVcExecutor}'s business.
 *
 * <p>A request without a bearer token (a token endpoint's, whose body carries the app secret) goes through the same
 * {@link WebClient} without its filters, so that no exchange filter of the application's ever sees a secret or a
 * token; the bearer token of every other request is set on the request itself, out of the filters' reach.
 *
 * <p>Bodies are read as bytes and decoded with {@link FeishuVcJson#mapper()}, so the application's codec and
 * Jackson settings never change how Feishu JSON is read, and an HTML or truncated body becomes a
 * {@link FeishuVcInvalidResponseException} rather than a codec stack trace.
 */
public final class FeishuVcClient {

	/** Header in which the platform's gateway returns the request's log id. */
	public static final String LOG_ID_HEADER = "X-Tt-Logid";

	/** Header in which the platform's gateway says how many seconds to wait after a rate limit. */
	public static final String RATE_LIMIT_RESET_HEADER = "x-ogw-ratelimit-reset";

	/** Largest response body read unless configured otherwise; Feishu VC responses are a few kilobytes. */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(1);

	/** Time allowed for an attempt's whole response unless configured otherwise. */
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(FeishuVcClient.class);

	/** Shared by every empty response: reading it moves nothing, releasing it does nothing. */
	private static final DataBuffer NO_BODY = DefaultDataBufferFactory.sharedInstance.allocateBuffer(0);

	private static final Subscriber<DataBuffer> CANCEL_AT_ONCE = new Subscriber<>() {

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.cancel();
		}

		@Override
		public void onNext(DataBuffer buffer) {
			DataBufferUtils.release(buffer);
		}

		@Override
		public void onError(Throwable ex) {
		}

		@Override
		public void onComplete() {
		}

	};

	private static final String BEARER = "Bearer ";

	private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json; charset=utf-8");

	private static final AsciiString APPLICATION_JSON = AsciiString.cached(MediaType.APPLICATION_JSON_VALUE);

	private static final AsciiString ANY = AsciiString.cached(MediaType.ALL_VALUE);

	private final WebClient webClient;

	private final WebClient credentialsClient;

	private final WebClient presignedClient;

	private final String baseUrl;

	private final URI base;

	private final String basePath;

	private final int maxResponseSize;

	private final Duration responseTimeout;

	private volatile @Nullable Authorization lastAuthorization;

	/**
	 * Create a client that reads responses of up to {@link #DEFAULT_MAX_RESPONSE_SIZE} within
	 * {@link #DEFAULT_RESPONSE_TIMEOUT}.
	 * @param webClient the WebClient to send requests with
	 * @param baseUrl the open platform's base URL, such as {@code https://open.feishu.cn}
	 */
	public FeishuVcClient(WebClient webClient, String baseUrl) {
		this(webClient, baseUrl, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_RESPONSE_TIMEOUT);
	}

	/**
	 * Create a client that reads each whole response within {@link #DEFAULT_RESPONSE_TIMEOUT}.
	 * @param webClient the WebClient to send requests with
	 * @param baseUrl the open platform's base URL, such as {@code https://open.feishu.cn}
	 * @param maxResponseSize the largest response body to read; larger ones are refused without being buffered
	 */
	public FeishuVcClient(WebClient webClient, String baseUrl, DataSize maxResponseSize) {
		this(webClient, baseUrl, maxResponseSize, DEFAULT_RESPONSE_TIMEOUT);
	}

	/**
	 * Create a client.
	 * @param webClient the WebClient to send requests with
	 * @param baseUrl the open platform's base URL, such as {@code https://open.feishu.cn}
	 * @param maxResponseSize the largest response body to read; larger ones are refused without being buffered
	 * @param responseTimeout the time allowed for an attempt's whole response, from the request being sent to the
	 * last byte of the body read, whatever the peer does
	 */
	public FeishuVcClient(WebClient webClient, String baseUrl, DataSize maxResponseSize, Duration responseTimeout) {
		Assert.isTrue(maxResponseSize.toBytes() > 0 && maxResponseSize.toBytes() <= Integer.MAX_VALUE,
				"maxResponseSize must be between 1 byte and 2GB");
		Assert.isTrue(responseTimeout.compareTo(Duration.ZERO) > 0, "responseTimeout must be positive");
		this.webClient = webClient;
		// The token endpoints' bodies carry the app secret and their answers the tokens: no filter of the
		// application's (a body logger, a retry) may see or repeat them.
		this.credentialsClient = webClient.mutate().filters(List::clear).build();
		// A pre-signed download URL is itself a credential: no filter sees it, and its observations (a trace's
		// http.url) record it without its query.
		this.presignedClient = webClient.mutate()
			.filters(List::clear)
			.observationConvention(new PresignedUrlObservationConvention())
			.build();
		this.baseUrl = validBaseUrl(baseUrl);
		this.base = URI.create(this.baseUrl);
		String basePath = this.base.getRawPath();
		this.basePath = (basePath != null) ? basePath : "";
		this.maxResponseSize = (int) maxResponseSize.toBytes();
		this.responseTimeout = responseTimeout;
	}

	/**
	 * The open platform's base URL, without a trailing slash.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Resolve an encoded path (and query) against the base URL.
	 * @param encodedPathAndQuery the path, starting with {@code /}, with every variable part already encoded
	 * @return the absolute URI
	 */
	public URI uri(String encodedPathAndQuery) {
		// Only the path is parsed for each call: the scheme and host were, once.
		return this.base.resolve(
				URI.create(this.basePath.isEmpty() ? encodedPathAndQuery : this.basePath + encodedPathAndQuery));
	}

	/**
	 * Send a request and read its response. Cancelling the subscription cancels the HTTP exchange.
	 * @param <B> the body type
	 * @param <T> the payload type
	 * @param request the request
	 * @param reader how to read the response
	 * @return the payload, or an error: {@link FeishuVcApiException} (or a subclass) for a non-zero code,
	 * {@link FeishuVcInvalidResponseException} for an unreadable or oversized body,
	 * {@link FeishuVcTransportException} when no response arrived, {@link FeishuVcTimeoutException} when the whole
	 * response did not arrive within the response timeout
	 */
	public <B extends FeishuVcResponseBody, T> Mono<T> exchange(FeishuVcRequest request, ResponseReader<B, T> reader) {
		// The deadline starts once the request is sent, so connecting (bounded on its own) does not eat into it.
		Deadline deadline = Deadline.pending(this.responseTimeout,
				() -> new FeishuVcTimeoutException(CallInfo.noResponse(request.operation(), request.attempt()),
						this.baseUrl, FeishuVcTimeoutException.RESPONSE_TIMEOUT, this.responseTimeout));
		String token = request.accessToken();
		Authorization authorization = (token != null) ? authorization(token) : null;
		WebClient client = (token != null) ? this.webClient : this.credentialsClient;
		WebClient.RequestBodySpec spec = client.method(request.method())
			.uri(request.uri())
			.httpRequest((httpRequest) -> {
				headers(httpRequest, authorization, APPLICATION_JSON);
				deadline.start();
			});
		byte[] body = request.body();
		WebClient.RequestHeadersSpec<?> ready = (body != null) ? spec.contentType(JSON_UTF8).bodyValue(body) : spec;
		return deadline.bound(
				ready.exchangeToMono((response) -> read(request, reader, response, info(request, response))),
				(ex) -> noResponse(request, ex));
	}

	/**
	 * Send a request whose answer is a file and read the file as it arrives. The answer is a file when it is HTTP 200
	 * and not JSON; a JSON answer is an error whatever its status (the platform's code, or a
	 * {@link FeishuVcInvalidResponseException} for code 0), read as any other call's. The whole exchange ends within
	 * {@code timeout}; each wait for the next bytes, the headers included, within the response timeout (with Reactor
	 * Netty). Cancelling the subscription cancels the exchange.
	 * @param <T> what reading the file gives
	 * @param request the request
	 * @param errors how to read a JSON answer
	 * @param timeout the deadline of the whole exchange
	 * @param file reads the file while the exchange is open
	 * @return what reading the file gave, or an error as {@link #exchange} says; a body cut after its first byte is a
	 * {@link FeishuVcInvalidResponseException}, which is not retried
	 */
	public <T> Mono<T> download(FeishuVcRequest request, ResponseReader<?, ?> errors, Duration timeout,
			Function<FeishuVcFileResponse, Mono<T>> file) {
		Deadline deadline = Deadline.pending(timeout,
				() -> new FeishuVcTimeoutException(CallInfo.noResponse(request.operation(), request.attempt()),
						this.baseUrl, FeishuVcTimeoutException.DOWNLOAD_TIMEOUT, timeout));
		String token = request.accessToken();
		Authorization authorization = (token != null) ? authorization(token) : null;
		WebClient client = (token != null) ? this.webClient : this.presignedClient;
		Mono<T> exchange = client.method(request.method()).uri(request.uri()).httpRequest((httpRequest) -> {
			headers(httpRequest, authorization, ANY);
			if (httpRequest.getNativeRequest() instanceof HttpClientRequest netty) {
				netty.responseTimeout(this.responseTimeout);
			}
			deadline.start();
		}).exchangeToMono((response) -> {
			CallInfo info = info(request, response);
			HttpHeaders headers = response.headers().asHttpHeaders();
			MediaType type = headers.getContentType();
			boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
			if (info.httpStatus() != 200 || json) {
				return read(request, errors, response, info).then(Mono.error(() ->
						new FeishuVcInvalidResponseException(info, "JSON with code 0 where a file was expected",
								new byte[0])));
			}
			return file.apply(new FeishuVcFileResponse(info, fileName(headers), headers.getContentLength(),
					cutAfterFirstByte(info, response.body(BodyExtractors.toDataBuffers()))));
		});
		return deadline.bound(exchange, (ex) -> noResponse(request, ex));
	}

	/** A failure after the first byte is a cut file, which a retry must not follow with a second copy of its start. */
	private static Flux<DataBuffer> cutAfterFirstByte(CallInfo info, Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			long[] read = new long[1];
			return body.doOnNext((buffer) -> read[0] += buffer.readableByteCount())
				.onErrorMap((ex) -> read[0] > 0 && !(ex instanceof FeishuVcException),
						(ex) -> new FeishuVcInvalidResponseException(info, "the file broke off after " + read[0]
								+ " bytes", ex));
		});
	}

	private static @Nullable String fileName(HttpHeaders headers) {
		String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
		if (disposition == null) {
			return null;
		}
		try {
			return ContentDisposition.parse(disposition).getFilename();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Accept and the bearer token, set on the request about to be sent rather than on the spec, which would copy
	 * them from map to map on the way (filters never see the token): on Reactor Netty's own request when it is the
	 * connector, else on Spring's.
	 */
	private static void headers(ClientHttpRequest request, @Nullable Authorization authorization, AsciiString accept) {
		HttpHeaders headers = request.getHeaders();
		if (request.getNativeRequest() instanceof HttpClientRequest netty) {
			if (!headers.isEmpty()) {
				// Spring copies its headers over Reactor Netty's at commit: a default header must not replace ours.
				headers.remove(HttpHeaders.ACCEPT);
				headers.remove(HttpHeaders.AUTHORIZATION);
			}
			netty.header(HttpHeaderNames.ACCEPT, accept);
			if (authorization != null) {
				netty.header(HttpHeaderNames.AUTHORIZATION, authorization.header());
			}
		}
		else {
			headers.set(HttpHeaders.ACCEPT, accept.toString());
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization.header().toString());
			}
		}
	}

	/** The header value, built once per token rather than once per call. */
	private Authorization authorization(String token) {
		Authorization last = this.lastAuthorization;
		if (last == null || !last.token().equals(token)) {
			last = new Authorization(token, new AsciiString(BEARER + token));
			this.lastAuthorization = last;
		}
		return last;
	}

	/** The attempt a response answers: its status, log id and rate-limit reset. */
	private static CallInfo info(FeishuVcRequest request, ClientResponse response) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		return new CallInfo(request.operation(), request.attempt(), response.statusCode().value(),
				headers.getFirst(LOG_ID_HEADER), rateLimitReset(headers.getFirst(RATE_LIMIT_RESET_HEADER)));
	}

	/** A failure of the network, before or while the response arrived, as the call's transport failure. */
	private Throwable noResponse(FeishuVcRequest request, Throwable ex) {
		return isTransportFailure(ex) ? new FeishuVcTransportException(
				CallInfo.noResponse(request.operation(), request.attempt()), this.baseUrl, ex) : ex;
	}

	private <B extends FeishuVcResponseBody, T> Mono<T> read(FeishuVcRequest request, ResponseReader<B, T> reader,
			ClientResponse response, CallInfo info) {
		long declaredLength = response.headers().asHttpHeaders().getContentLength();
		if (declaredLength > this.maxResponseSize) {
			// Subscribed and cancelled before anything is requested: the connection is closed, not the body drained.
			response.body(BodyExtractors.toDataBuffers()).subscribe(CANCEL_AT_ONCE);
			return Mono.error(tooLarge(info, declaredLength + " bytes declared"));
		}
		return new ResponseBody<>(response.body(BodyExtractors.toDataBuffers()), this.maxResponseSize, NO_BODY,
				(buffer) -> decode(request, reader, info, buffer), () -> tooLarge(info, "more bytes sent"));
	}

	private FeishuVcInvalidResponseException tooLarge(CallInfo info, String actual) {
		return new FeishuVcInvalidResponseException(info,
				"body larger than the limit of " + this.maxResponseSize + " bytes (" + actual + ")", new byte[0]);
	}

	private static <B extends FeishuVcResponseBody, T> T decode(FeishuVcRequest request, ResponseReader<B, T> reader,
			CallInfo info, DataBuffer body) {
		if (logger.isDebugEnabled()) {
			logger.debug(request + " -> HTTP " + info.httpStatus() + ", " + body.readableByteCount() + " bytes"
					+ ((info.logId() != null) ? ", logId=" + info.logId() : ""));
		}
		try {
			return reader.read(info, body);
		}
		finally {
			DataBufferUtils.release(body);
		}
	}

	/** {@code x-ogw-ratelimit-reset}: seconds to wait, possibly fractional. */
	static @Nullable Duration rateLimitReset(@Nullable String header) {
		if (header == null) {
			return null;
		}
		try {
			double seconds = Double.parseDouble(header.strip());
			return (seconds >= 0 && seconds < Long.MAX_VALUE / 1_000_000_000L)
					? Duration.ofNanos((long) (seconds * 1_000_000_000L)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean isTransportFailure(Throwable ex) {
		return ex instanceof WebClientException || ex instanceof IOException || ex instanceof TimeoutException
				|| ex instanceof io.netty.handler.timeout.TimeoutException;
	}

	/** A token and its header value; {@code toString()} never shows either. */
	private record Authorization(String token, AsciiString header) {

		@Override
		public String toString() {
			return "Authorization[hidden]";
		}

	}

	/** Names of this machine that need no lookup: {@code localhost}, {@code 127.x.x.x} and {@code [::1]}. */
	private static boolean isLoopback(String host) {
		return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
	}

	private static String validBaseUrl(String baseUrl) {
		URI uri;
		try {
			uri = URI.create(baseUrl);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Feishu base URL '" + baseUrl + "' is not a valid URL", ex);
		}
		Assert.isTrue("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()),
				() -> "Feishu base URL '" + baseUrl + "' must start with https:// or http://");
		Assert.isTrue(uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null,
				() -> "Feishu base URL '" + baseUrl + "' must be a host (and optional path) without query or fragment");
		if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
			logger.warn("Feishu base URL " + baseUrl + " is plain http to a host that is not this machine: the app "
					+ "secret and every token would cross the network unencrypted. Use https:// outside tests");
		}
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Boot's observation of a client request, its URL without the query that holds a pre-signed URL's signature. */
	private static final class PresignedUrlObservationConvention extends DefaultClientRequestObservationConvention {

		@Override
		protected KeyValue httpUrl(ClientRequestObservationContext context) {
			KeyValue url = super.httpUrl(context);
			int query = url.getValue().indexOf('?');
			return (query < 0) ? url : KeyValue.of(url.getKey(), url.getValue().substring(0, query));
		}

	}

}
