package io.github.feishuvc.core;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * Makes calls resilient: for each attempt takes a token, waits for the client-side rate limiter, sends through
 * {@link FeishuVcClient}, and after a failure decides with the {@link FeishuVcRetryPolicy} whether and when to try
 * again; a 429 is also told to the rate limiter ({@link FeishuVcRateLimiter#refused}), with the refused attempt's
 * permit, before the next attempt asks for one. A call rejected for its access
 * token gets a fresh token and one more attempt, if its token source can renew tokens; never more, so a second
 * rejection is reported.
 *
 * <p>A call ends by its deadline ({@code feishu.vc.call-timeout}) whatever it waits for: the token, the rate limiter,
 * a backoff or a response; each attempt's whole response is bounded by the client's response timeout.
 *
 * <p>Each call is one {@code feishu.vc.client} observation (see {@link FeishuVcObservationDocumentation}), with
 * retries, token renewals and rate-limit waits as events. The returned {@link Mono}s are lazy and cold; cancelling
 * one cancels the HTTP exchange in flight and any pending wait.
 */
public final class FeishuVcExecutor {

	private static final Log logger = LogFactory.getLog(FeishuVcExecutor.class);

	private static final FeishuVcObservationConvention DEFAULT_CONVENTION = new DefaultFeishuVcObservationConvention();

	private final FeishuVcClient client;

	private final FeishuVcRetryPolicy retryPolicy;

	private final @Nullable FeishuVcRateLimiter rateLimiter;

	private final Scheduler scheduler;

	private final ObservationRegistry observationRegistry;

	private final @Nullable FeishuVcObservationConvention observationConvention;

	private final @Nullable Duration callTimeout;

	/**
	 * Create an executor that sends each call once, without rate limiting or observations.
	 * @param client the client for single attempts
	 */
	public FeishuVcExecutor(FeishuVcClient client) {
		this(client, FeishuVcRetryPolicy.none(), null, Schedulers.parallel());
	}

	/**
	 * Create an executor without observations.
	 * @param client the client for single attempts
	 * @param retryPolicy when to retry
	 * @param rateLimiter the client-side rate limiter of every call (token fetches as the app's), or {@code null} for none
	 * @param scheduler the scheduler whose clock and timer time the waits between attempts
	 */
	public FeishuVcExecutor(FeishuVcClient client, FeishuVcRetryPolicy retryPolicy,
			@Nullable FeishuVcRateLimiter rateLimiter, Scheduler scheduler) {
		this(client, retryPolicy, rateLimiter, scheduler, ObservationRegistry.NOOP, null);
	}

	/**
	 * Create an executor.
	 * @param client the client for single attempts
	 * @param retryPolicy when to retry
	 * @param rateLimiter the client-side rate limiter of every call (token fetches as the app's), or {@code null} for none
	 * @param scheduler the scheduler whose clock and timer time the waits between attempts
	 * @param observationRegistry where each call is observed as {@code feishu.vc.client}; {@code NOOP} for none
	 * @param observationConvention a convention replacing {@link DefaultFeishuVcObservationConvention}, or
	 * {@code null}
	 */
	public FeishuVcExecutor(FeishuVcClient client, FeishuVcRetryPolicy retryPolicy,
			@Nullable FeishuVcRateLimiter rateLimiter, Scheduler scheduler, ObservationRegistry observationRegistry,
			@Nullable FeishuVcObservationConvention observationConvention) {
		this(client, retryPolicy, rateLimiter, scheduler, observationRegistry, observationConvention, null);
	}

	/**
	 * Create an executor whose calls end by a deadline.
	 * @param client the client for single attempts
	 * @param retryPolicy when to retry
	 * @param rateLimiter the client-side rate limiter of every call (token fetches as the app's), or {@code null} for none
	 * @param scheduler the scheduler whose clock and timer time the waits between attempts (deadlines have a timer of
	 * their own)
	 * @param observationRegistry where each call is observed as {@code feishu.vc.client}; {@code NOOP} for none
	 * @param observationConvention a convention replacing {@link DefaultFeishuVcObservationConvention}, or
	 * {@code null}
	 * @param callTimeout the deadline of a whole call, token fetch, rate-limit waits, retries and backoffs included,
	 * or {@code null} for none
	 */
	public FeishuVcExecutor(FeishuVcClient client, FeishuVcRetryPolicy retryPolicy,
			@Nullable FeishuVcRateLimiter rateLimiter, Scheduler scheduler, ObservationRegistry observationRegistry,
			@Nullable FeishuVcObservationConvention observationConvention, @Nullable Duration callTimeout) {
		Assert.isTrue(callTimeout == null || callTimeout.compareTo(Duration.ZERO) > 0, "callTimeout must be positive");
		this.callTimeout = callTimeout;
		this.client = client;
		this.retryPolicy = retryPolicy;
		this.rateLimiter = rateLimiter;
		this.scheduler = scheduler;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Resolve an encoded path (and query) against the base URL.
	 * @param encodedPathAndQuery the path, starting with {@code /}, with every variable part already encoded
	 * @return the absolute URI
	 * @see FeishuVcClient#uri(String)
	 */
	public URI uri(String encodedPathAndQuery) {
		return this.client.uri(encodedPathAndQuery);
	}

	/**
	 * The open platform's base URL.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.client.baseUrl();
	}

	/**
	 * Make a call with a bearer token from a source.
	 * @param <T> the payload type
	 * @param call the call
	 * @param tokens where the bearer token comes from
	 * @param reader how to read the response
	 * @return the payload, or the failure of the last attempt (its {@link FeishuVcException#attempts()} says how many
	 * were made)
	 * @throws IllegalStateException if the token source cannot give a token at all (see
	 * {@link AccessTokenSource#checkUsable()})
	 */
	public <T> Mono<T> execute(FeishuVcCall call, AccessTokenSource tokens, ResponseReader<?, T> reader) {
		tokens.checkUsable();
		return observed(call, tokens, (request) -> this.client.exchange(request, reader), this.callTimeout,
				FeishuVcTimeoutException.CALL_TIMEOUT);
	}

	/**
	 * Download a file with a bearer token from a source: authenticated, rate-limited, observed and retried like any
	 * call until the file's first byte arrives, never after; the whole download, retries included, ends by its own
	 * deadline rather than {@code callTimeout}.
	 * @param <T> what reading the file gives
	 * @param call the call
	 * @param tokens where the bearer token comes from
	 * @param errors how to read a JSON answer, which is an error whatever its status
	 * @param timeout the deadline of the whole download
	 * @param file reads the file (see {@link FeishuVcClient#download})
	 * @return what reading the file gave, or the failure of the last attempt
	 */
	public <T> Mono<T> download(FeishuVcCall call, AccessTokenSource tokens, ResponseReader<?, ?> errors,
			Duration timeout, Function<FeishuVcFileResponse, Mono<T>> file) {
		tokens.checkUsable();
		return observed(call, tokens, (request) -> this.client.download(request, errors, timeout, file), timeout,
				FeishuVcTimeoutException.DOWNLOAD_TIMEOUT);
	}

	/**
	 * Download a file without a bearer token, from a URL that is its own credential (a pre-signed URL the platform
	 * answered with, such as a minute's media): observed and retried like any call until the file's first byte
	 * arrives, never after; the whole download, retries included, ends by its own deadline.
	 * @param <T> what reading the file gives
	 * @param call the call, its URI the file's
	 * @param errors how to read a JSON answer, which is an error whatever its status
	 * @param timeout the deadline of the whole download
	 * @param file reads the file (see {@link FeishuVcClient#download})
	 * @return what reading the file gave, or the failure of the last attempt
	 */
	public <T> Mono<T> download(FeishuVcCall call, ResponseReader<?, ?> errors, Duration timeout,
			Function<FeishuVcFileResponse, Mono<T>> file) {
		return observed(call, null, (request) -> this.client.download(request, errors, timeout, file), timeout,
				FeishuVcTimeoutException.DOWNLOAD_TIMEOUT);
	}

	/**
	 * Make a call without a bearer token, such as the token endpoint's.
	 * @param <T> the payload type
	 * @param call the call
	 * @param reader how to read the response
	 * @return the payload, or the failure of the last attempt
	 */
	public <T> Mono<T> execute(FeishuVcCall call, ResponseReader<?, T> reader) {
		return observed(call, null, (request) -> this.client.exchange(request, reader), this.callTimeout,
				FeishuVcTimeoutException.CALL_TIMEOUT);
	}

	/**
	 * The call as one observation: the parent is the caller's observation from the Reactor context, and it becomes
	 * the parent of the WebClient's {@code http.client.requests} observations.
	 */
	private <T> Mono<T> observed(FeishuVcCall call, @Nullable AccessTokenSource tokens,
			Function<FeishuVcRequest, Mono<T>> exchange, @Nullable Duration timeout, String timeoutProperty) {
		if (this.observationRegistry.isNoop()) {
			// Nothing would record the observation: spare every call the operators and the context that feed it.
			return Mono.defer(() -> deadline(
					new InFlight<>(call, tokens, exchange, timeout, timeoutProperty, now(), Observation.NOOP, null)));
		}
		return Mono.deferContextual((reactorContext) -> {
			FeishuVcObservationContext context = new FeishuVcObservationContext(call.operation());
			Observation observation = FeishuVcObservationDocumentation.CLIENT
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
				.parentObservation(reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			// Stopped before the signal travels on, so a caller that sees the result sees a stopped observation.
			return deadline(new InFlight<>(call, tokens, exchange, timeout, timeoutProperty, now(), observation, context))
				.doOnSuccess((payload) -> {
					context.succeeded();
					observation.stop();
				})
				.doOnError((ex) -> {
					observation.error(ex);
					observation.stop();
				})
				.doOnCancel(() -> {
					context.cancelled();
					observation.stop();
				})
				.contextWrite((writable) -> writable.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/** The call, ended by its deadline ({@code callTimeout} unless a download's) whatever it is waiting for. */
	private <T> Mono<T> deadline(InFlight<T> call) {
		Duration timeout = call.timeout;
		Mono<T> attempts = attempt(call, false);
		return (timeout == null) ? attempts : Deadline.after(attempts, timeout,
				() -> new FeishuVcTimeoutException(
						CallInfo.noResponse(call.call.operation(), Math.max(1, call.attempts)), this.client.baseUrl(),
						call.timeoutProperty, timeout));
	}

	private <T> Mono<T> attempt(InFlight<T> call, boolean tokenRenewed) {
		int attempt = call.attempted();
		AccessTokenSource tokens = call.tokens;
		if (tokens == null) {
			return send(call, null, attempt).onErrorResume((ex) -> afterFailure(call, attempt, tokenRenewed, null, ex));
		}
		return tokens.getToken()
			.flatMap((token) -> send(call, token, attempt)
				.onErrorResume((ex) -> afterFailure(call, attempt, tokenRenewed, token, ex)));
	}

	/**
	 * Another attempt, or the failure as the call's end. A failure to get a token never gets here: token fetches
	 * retry on their own, so theirs reach a call already final.
	 */
	private <T> Mono<T> afterFailure(InFlight<T> call, int attempt, boolean tokenRenewed, @Nullable String token,
			Throwable ex) {
		FeishuVcRateLimiter.Permit permit = call.permit;
		call.permit = null;
		if (ex instanceof FeishuVcRateLimitException refusal && this.rateLimiter != null && permit != null) {
			// The limiter learns of the refusal before the next attempt asks it for a permit.
			return this.rateLimiter.refused(permit, refusal.resetAfter())
				.onErrorComplete()
				.then(Mono.defer(() -> retryOrFail(call, attempt, tokenRenewed, token, ex)));
		}
		return retryOrFail(call, attempt, tokenRenewed, token, ex);
	}

	private <T> Mono<T> retryOrFail(InFlight<T> call, int attempt, boolean tokenRenewed, @Nullable String token,
			Throwable ex) {
		AccessTokenSource tokens = call.tokens;
		if (tokens != null && token != null && isRenewableRejection(ex, tokens, tokenRenewed)) {
			tokens.invalidate(token);
			log(call.call, attempt, ex, Duration.ZERO);
			call.observation.event(FeishuVcObservationDocumentation.Events.TOKEN_RENEWAL);
			return attempt(call, true);
		}
		Duration elapsed = Duration.ofNanos(now() - call.startNanos);
		Duration delay = this.retryPolicy.delayAfter(ex, attempt, call.call.idempotent(), elapsed);
		if (delay == null) {
			return Mono.error(ex);
		}
		log(call.call, attempt, ex, delay);
		call.observation.event(FeishuVcObservationDocumentation.Events.RETRY);
		return Mono.delay(delay, this.scheduler).then(Mono.defer(() -> attempt(call, tokenRenewed)));
	}

	/** The attempt, once the rate limiter lets it go; token fetches ({@code token == null}) count as the app's. */
	private <T> Mono<T> send(InFlight<T> call, @Nullable String token, int attempt) {
		Mono<T> exchange = call.exchange.apply(call.call.attempt(token, attempt));
		if (this.rateLimiter == null) {
			return exchange;
		}
		return this.rateLimiter.acquire(tenantKey(call), call.call.operation(), attempt)
			.flatMap((permit) -> {
				call.permit = permit;
				if (!permit.waited().isZero()) {
					call.observation.event(FeishuVcObservationDocumentation.Events.RATE_LIMIT_WAIT);
				}
				return exchange;
			});
	}

	private static @Nullable String tenantKey(InFlight<?> call) {
		AccessTokenSource tokens = call.tokens;
		return (tokens != null) ? tokens.tenantKey() : null;
	}

	private static boolean isRenewableRejection(Throwable ex, AccessTokenSource tokens, boolean tokenRenewed) {
		return !tokenRenewed && tokens.isRenewable() && ex instanceof FeishuVcAuthenticationException rejection
				&& FeishuVcErrorCodes.isAccessTokenError(rejection.code());
	}

	private static void log(FeishuVcCall call, int attempt, Throwable ex, Duration delay) {
		if (logger.isDebugEnabled()) {
			logger.debug(call + ": attempt " + attempt + " failed (" + ex.getClass().getSimpleName() + "); retrying"
					+ (delay.isZero() ? " with a new token" : " in " + delay.toMillis() + "ms"));
		}
	}

	private long now() {
		return this.scheduler.now(TimeUnit.NANOSECONDS);
	}

	/** One call in progress: what each of its attempts needs, and how many there have been. */
	private static final class InFlight<T> {

		final FeishuVcCall call;

		final @Nullable AccessTokenSource tokens;

		final Function<FeishuVcRequest, Mono<T>> exchange;

		final @Nullable Duration timeout;

		/** The property that sets the deadline, which its exception names. */
		final String timeoutProperty;

		final long startNanos;

		final Observation observation;

		final @Nullable FeishuVcObservationContext context;

		volatile int attempts;

		/** The permit of the attempt in progress, if the rate limiter gave one. */
		volatile FeishuVcRateLimiter.@Nullable Permit permit;

		InFlight(FeishuVcCall call, @Nullable AccessTokenSource tokens, Function<FeishuVcRequest, Mono<T>> exchange,
				@Nullable Duration timeout, String timeoutProperty, long startNanos, Observation observation,
				@Nullable FeishuVcObservationContext context) {
			this.call = call;
			this.tokens = tokens;
			this.exchange = exchange;
			this.timeout = timeout;
			this.timeoutProperty = timeoutProperty;
			this.startNanos = startNanos;
			this.observation = observation;
			this.context = context;
		}

		/** Attempts are made one after another, never two at once. */
		int attempted() {
			int attempt = this.attempts + 1;
			this.attempts = attempt;
			if (this.context != null) {
				this.context.attempted();
			}
			return attempt;
		}

	}

}
