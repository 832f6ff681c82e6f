package io.github.feishuvc.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcCall;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcFileResponse;
import io.github.feishuvc.core.FeishuVcInvalidResponseException;
import io.github.feishuvc.core.UserIdType;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * Makes the calls of every family's endpoints: whom they act as (the app, a tenant of a store app, a user) and the
 * user id type they use, the views that change either, and one call or a list over all its pages from an endpoint's
 * declaration. Checks before anything is sent that the endpoint takes the kind of token the calls act with, encodes
 * each path variable as one segment, and hands the call to the {@link FeishuVcExecutor}, which authenticates,
 * rate-limits, sends and retries it. Immutable and thread safe.
 */
public final class FeishuApiCaller {

	private final FeishuVcExecutor executor;

	private final ActingAs actingAs;

	private final UserIdType userIdType;

	private FeishuApiCaller(FeishuVcExecutor executor, ActingAs actingAs, UserIdType userIdType) {
		Assert.notNull(userIdType, "userIdType must not be null");
		this.executor = executor;
		this.actingAs = actingAs;
		this.userIdType = userIdType;
	}

	/**
	 * Calls acting as the app, with its tenant access token.
	 * @param executor the executor that makes the calls
	 * @param tenantTokens the app's tenant access tokens
	 * @param userIdType the user id type of the calls
	 * @return the caller
	 */
	public static FeishuApiCaller app(FeishuVcExecutor executor, TenantAccessTokenProvider tenantTokens,
			UserIdType userIdType) {
		return new FeishuApiCaller(executor, ActingAs.app(tenantTokens), userIdType);
	}

	/**
	 * The same calls with user ids of another type.
	 * @param userIdType the user id type
	 * @return the caller
	 */
	public FeishuApiCaller withUserIdType(UserIdType userIdType) {
		return new FeishuApiCaller(this.executor, this.actingAs, userIdType);
	}

	/**
	 * The same calls acting in one tenant of a store app.
	 * @param tenantKey the tenant's key
	 * @return the caller
	 * @see ActingAs#forTenant
	 */
	public FeishuApiCaller forTenant(String tenantKey) {
		return new FeishuApiCaller(this.executor, this.actingAs.forTenant(tenantKey), this.userIdType);
	}

	/**
	 * The same calls acting as a user, with a token given as is.
	 * @param userAccessToken the user access token
	 * @return the caller
	 * @see ActingAs#user(String)
	 */
	public FeishuApiCaller withUserAccessToken(String userAccessToken) {
		return new FeishuApiCaller(this.executor, this.actingAs.user(userAccessToken), this.userIdType);
	}

	/**
	 * The same calls acting as a user whose tokens a source renews.
	 * @param userAccessTokens the user's tokens
	 * @return the caller
	 * @see ActingAs#user(AccessTokenSource)
	 */
	public FeishuApiCaller withUserAccessToken(AccessTokenSource userAccessTokens) {
		return new FeishuApiCaller(this.executor, this.actingAs.user(userAccessTokens), this.userIdType);
	}

	/**
	 * The user id type of the calls.
	 * @return the type
	 */
	public UserIdType userIdType() {
		return this.userIdType;
	}

	/**
	 * Whether the calls act as a user.
	 * @return {@code true} with a user access token
	 */
	public boolean actsAsUser() {
		return this.actingAs.isUser();
	}

	/**
	 * Call an endpoint that takes no more than its path variables.
	 * @param <T> the payload type
	 * @param api the endpoint
	 * @param pathValues the values of its path variables, in order
	 * @return the payload
	 * @throws IllegalArgumentException if a path value is null, blank, {@code .} or {@code ..}
	 * @throws IllegalStateException if the endpoint does not take the kind of token the calls act with
	 */
	public <T> Mono<T> call(FeishuApi<T> api, String... pathValues) {
		return call(api, Params.path(pathValues));
	}

	/**
	 * Call an endpoint.
	 * @param <T> the payload type
	 * @param api the endpoint
	 * @param params its path variables, query parameters and body
	 * @return the payload
	 * @throws IllegalArgumentException if a path value is null, blank, {@code .} or {@code ..}
	 * @throws IllegalStateException if the endpoint does not take the kind of token the calls act with
	 */
	public <T> Mono<T> call(FeishuApi<T> api, Params params) {
		checkToken(api);
		String pathAndQuery = pathAndQuery(api, params, null);
		byte[] body = (params.body != null) ? api.mapper().writeValueAsBytes(params.body) : null;
		return send(api, pathAndQuery, body);
	}

	/**
	 * Every item of a list the platform answers in pages, page after page as the subscriber asks for them; a page
	 * token that comes back a second time, or a page that says more follow but names no token, ends the list, before
	 * that page's items, with a {@link FeishuVcInvalidResponseException} naming the operation, rather than read the
	 * same pages for ever or end the list early without a word.
	 * @param <E> the item type
	 * @param api the endpoint
	 * @param params its path variables, query parameters and body (without paging)
	 * @return the items
	 * @throws IllegalArgumentException if a path value is null, blank, {@code .} or {@code ..}
	 * @throws IllegalStateException if the endpoint does not take the kind of token the calls act with
	 */
	public <E> Flux<E> pages(FeishuApi<Page<E>> api, Params params) {
		checkToken(api);
		FeishuApi.Paging paging = api.paging();
		Assert.state(paging != null, () -> api + " is not answered in pages");
		return Flux.defer(() -> {
			Set<String> seen = new HashSet<>();
			int[] pages = new int[1];
			Function<@Nullable String, Mono<Page<E>>> fetch = (token) -> page(api, paging, params, token)
				.handle((page, sink) -> {
					pages[0]++;
					String next = next(page);
					if (page.hasMore() && next == null) {
						sink.error(invalidPage(api, "has_more=true without a page_token", pages[0]));
					}
					else if (next != null && !seen.add(next)) {
						sink.error(invalidPage(api, "a page token seen before", pages[0]));
					}
					else {
						sink.next(page);
					}
				});
			return fetch.apply(null).expand((page) -> {
				String next = next(page);
				return (next != null) ? fetch.apply(next) : Mono.empty();
			}).concatMapIterable(Page::items);
		});
	}

	/**
	 * Make ready to download a file an endpoint answers with, reading it while the exchange is open (see
	 * {@link FeishuVcExecutor#download}): what the endpoint and the calls' token allow is checked now, before anything
	 * is set up or sent, as for every other call; each application of the result makes the download.
	 * @param <T> what reading the file gives
	 * @param api the endpoint
	 * @param params its path variables and query parameters
	 * @param timeout the deadline of the whole download
	 * @return makes the download, given what reads the file
	 * @throws IllegalStateException if the endpoint does not take the kind of token the calls act with, or the calls
	 * can have no token (a store app that named no tenant)
	 */
	public <T> Function<Function<FeishuVcFileResponse, Mono<T>>, Mono<T>> downloader(FeishuApi<?> api, Params params,
			Duration timeout) {
		checkToken(api);
		AccessTokenSource tokens = this.actingAs.tokens();
		tokens.checkUsable();
		FeishuVcCall call = new FeishuVcCall(api.operation(), api.method(),
				this.executor.uri(pathAndQuery(api, params, null)), null, api.idempotent());
		return (file) -> this.executor.download(call, tokens, api.reader(), timeout, file);
	}

	/**
	 * Make ready to download a file from a URL an endpoint answered with, one that is its own credential (a
	 * pre-signed URL, such as a minute's media): sent as given, without a token, since it may be another host's and
	 * needs none; read while the exchange is open, as {@link #downloader} does. The rate limiter and the observations
	 * count it as {@code api}'s operation with {@code .file} after it, not against the endpoint's own limit.
	 * @param <T> what reading the file gives
	 * @param api the endpoint that answered with the URL
	 * @param url the file's URL
	 * @param timeout the deadline of the whole download
	 * @return makes the download, given what reads the file
	 */
	public <T> Function<Function<FeishuVcFileResponse, Mono<T>>, Mono<T>> downloaderAt(FeishuApi<?> api, URI url,
			Duration timeout) {
		FeishuVcCall call = new FeishuVcCall(api.operation() + ".file", HttpMethod.GET, url, null, true);
		return (file) -> this.executor.download(call, api.reader(), timeout, file);
	}

	/** The token of the page after this one, if the page names one. */
	private static @Nullable String next(Page<?> page) {
		String token = page.pageToken();
		return (page.hasMore() && token != null && !token.isEmpty()) ? token : null;
	}

	/** A page that cannot be followed: the list ends with an error naming the operation, never quietly. */
	private static FeishuVcInvalidResponseException invalidPage(FeishuApi<?> api, String what, int pages) {
		return new FeishuVcInvalidResponseException(CallInfo.noResponse(api.operation(), 1),
				what + " in page " + pages + " of " + api.operation(), new byte[0]);
	}

	private <E> Mono<Page<E>> page(FeishuApi<Page<E>> api, FeishuApi.Paging paging, Params params,
			@Nullable String pageToken) {
		if (!paging.inBody()) {
			return send(api, pathAndQuery(api, params, pageToken), (params.body != null)
					? api.mapper().writeValueAsBytes(params.body) : null);
		}
		ObjectNode body = (params.body != null) ? api.mapper().valueToTree(params.body)
				: api.mapper().createObjectNode();
		body.put("page_size", paging.pageSize());
		if (pageToken != null) {
			body.put("page_token", pageToken);
		}
		return send(api, pathAndQuery(api, params, null), api.mapper().writeValueAsBytes(body));
	}

	private <T> Mono<T> send(FeishuApi<T> api, String pathAndQuery, byte @Nullable [] body) {
		return this.executor.execute(new FeishuVcCall(api.operation(), api.method(), this.executor.uri(pathAndQuery),
				body, api.idempotent()), this.actingAs.tokens(), api.reader());
	}

	/** Refuses, before anything is sent, a call the platform would refuse for its kind of token or of app. */
	private void checkToken(FeishuApi<?> api) {
		if (this.actingAs.isStoreApp() && !api.apps().contains(FeishuApi.App.STORE)) {
			throw new IllegalStateException(api.operation() + " is served to self-built apps only: the platform refuses "
					+ "it to a store app (feishu.vc.app-type=store)");
		}
		if (this.actingAs.isUser() && !api.tokens().contains(FeishuApi.Token.USER)) {
			throw new IllegalStateException(api.operation() + " needs the app's tenant access token (the platform "
					+ "refuses a user access token for it): call it on operations that do not act as a user");
		}
		if (!this.actingAs.isUser() && !api.tokens().contains(FeishuApi.Token.TENANT)) {
			throw new IllegalStateException(api.operation() + " needs a user access token (the platform refuses the "
					+ "app's tenant access token for it): call withUserAccessToken(...) first");
		}
	}

	private String pathAndQuery(FeishuApi<?> api, Params params, @Nullable String pageToken) {
		List<String> variables = api.pathVariables();
		List<String> literals = api.pathLiterals();
		Assert.isTrue(params.path.size() == variables.size(),
				() -> api.operation() + " takes " + variables + ", was given " + params.path.size() + " value(s)");
		StringBuilder target = new StringBuilder(api.path().length() + 64).append(literals.get(0));
		for (int i = 0; i < variables.size(); i++) {
			target.append(PathSegment.encode(api.pathParameters().get(i), params.path.get(i))).append(literals.get(i + 1));
		}
		char separator = '?';
		if (api.takesUserIdType()) {
			target.append(this.userIdType.query());
			separator = '&';
		}
		for (String[] parameter : params.query) {
			Assert.state(api.query().contains(parameter[0]),
					() -> api.operation() + " declares no query parameter " + parameter[0]);
			target.append(separator).append(parameter[0]).append('=').append(PathSegment.encode(parameter[0],
					parameter[1]));
			separator = '&';
		}
		FeishuApi.Paging paging = api.paging();
		if (paging != null && !paging.inBody()) {
			target.append(separator).append("page_size=").append(paging.pageSize());
			if (pageToken != null) {
				target.append("&page_token=").append(PathSegment.encode("pageToken", pageToken));
			}
		}
		return target.toString();
	}

	/** Never shows a token. */
	@Override
	public String toString() {
		return "baseUrl=" + this.executor.baseUrl() + ", userIdType=" + this.userIdType + ", " + this.actingAs;
	}

	/** What a call sends beside its endpoint: its path variables, query parameters and body. */
	public static final class Params {

		private final List<String> path;

		private final List<String[]> query = new ArrayList<>(2);

		private @Nullable Object body;

		private Params(List<String> path) {
			this.path = path;
		}

		/**
		 * The values of the path's variables, in order.
		 * @param values the values
		 * @return the parameters
		 */
		public static Params path(String... values) {
			return new Params(java.util.Arrays.asList(values));
		}

		/**
		 * Add a query parameter, unless its value is {@code null}; a name given again is sent again (a list).
		 * @param name the name
		 * @param value the value, encoded when sent
		 * @return these parameters
		 */
		public Params query(String name, @Nullable Object value) {
			if (value != null) {
				this.query.add(new String[] { name, String.valueOf(value) });
			}
			return this;
		}

		/**
		 * The request body, written with the endpoint's mapper.
		 * @param body the body
		 * @return these parameters
		 */
		public Params body(Object body) {
			this.body = body;
			return this;
		}

	}

}
