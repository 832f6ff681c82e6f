package io.github.feishuvc.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.feishuvc.core.FeishuVcConflictException;
import io.github.feishuvc.core.FeishuVcGrayReleaseException;
import io.github.feishuvc.core.FeishuVcInvalidParameterException;
import io.github.feishuvc.core.FeishuVcMeetingStateException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcNotSupportedException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.core.ResponseReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * One endpoint of the platform, declared once as data: its method and path template, the operation name that its
 * rate limit, metrics and messages go by, the tokens it accepts, whether it may be repeated (independent of the
 * method: {@code rooms/mget} reads by POST), whether it takes {@code user_id_type}, its documented rate limit, the
 * meanings its error codes have here, how its answer is read (the payload and, for a list, its pages) and the types of
 * its request body. The client's calls, the rate limiter's limits, the emulator's routing and limits and the wire test
 * against the official SDK are all derived from these declarations; each family's are in its catalog
 * ({@link FeishuApis#all()}). A declaration starts with {@link #get} (or a sibling) and is said by its
 * {@link FeishuApiBuilder}; its path template is compiled once ({@code PathTemplate}) and its error meanings read over
 * the platform's general table ({@code ErrorMeanings}).
 *
 * @param <T> what a call returns: the payload, or one page of a list
 */
public final class FeishuApi<T> {

	/** The kinds of access token the platform accepts for an endpoint. */
	public enum Token {

		/** The app's tenant access token (of its own tenant, or of a tenant of a store app). */
		TENANT,

		/** A user's access token. */
		USER

	}

	/** The kinds of app the platform serves an endpoint to. */
	public enum App {

		/** An app built by a tenant for itself (企业自建应用). */
		SELF_BUILT,

		/** An app of the app store (应用商店应用), installed by many tenants. */
		STORE

	}

	/** What an error code means for one endpoint where it differs from the platform's general table. */
	public enum Meaning {

		/** A bad parameter ({@link FeishuVcInvalidParameterException}): not retried. */
		INVALID_PARAMETER,

		/** Nothing of that id ({@link FeishuVcNotFoundException}). */
		NOT_FOUND,

		/** Not allowed ({@link FeishuVcPermissionDeniedException}). */
		PERMISSION_DENIED,

		/** Changed meanwhile ({@link FeishuVcConflictException}): read again, then retry. */
		CONFLICT,

		/** Not available to the tenant, such as a feature of a paid plan ({@link FeishuVcNotSupportedException}). */
		NOT_SUPPORTED,

		/** The platform's own failure ({@link FeishuVcServerErrorException}): a read is retried. */
		SERVER_ERROR,

		/** The meeting is not in a state that allows it ({@link FeishuVcMeetingStateException}). */
		MEETING_STATE,

		/** A feature in gray release, not open to the tenant ({@link FeishuVcGrayReleaseException}). */
		NOT_IN_GRAY_RELEASE

	}

	private static final Set<App> EVERY_APP = Collections.unmodifiableSet(EnumSet.allOf(App.class));

	private final String operation;

	private final HttpMethod method;

	private final PathTemplate path;

	private final Set<Token> tokens;

	private final List<String> scopes;

	private final Set<App> apps;

	private final boolean idempotent;

	private final boolean userIdType;

	private final Set<String> query;

	private final @Nullable RateLimit limit;

	private final @Nullable Class<?> body;

	private final JsonMapper mapper;

	private final ResponseReader<?, T> reader;

	private final @Nullable Payload payload;

	private final @Nullable Paging paging;

	private final ErrorMeanings errors;

	private FeishuApi(FeishuApi<?> api, ResponseReader<?, T> reader, @Nullable Payload payload) {
		this.operation = api.operation;
		this.method = api.method;
		this.path = api.path;
		this.tokens = api.tokens;
		this.scopes = api.scopes;
		this.apps = api.apps;
		this.idempotent = api.idempotent;
		this.userIdType = api.userIdType;
		this.query = api.query;
		this.limit = api.limit;
		this.body = api.body;
		this.mapper = api.mapper;
		this.reader = reader;
		this.payload = payload;
		this.paging = api.paging;
		this.errors = api.errors;
	}

	FeishuApi(FeishuApiBuilder builder, ResponseReader<?, T> reader, @Nullable Payload payload,
			@Nullable Paging paging) {
		this.operation = builder.operation;
		this.method = builder.method;
		this.path = new PathTemplate(builder.path);
		Assert.state(!builder.tokens.isEmpty(), () -> this.operation + " accepts no token");
		this.tokens = Collections.unmodifiableSet(EnumSet.copyOf(builder.tokens));
		Assert.state(!builder.scopes.isEmpty(), () -> this.operation + " names no scope");
		this.scopes = List.copyOf(builder.scopes);
		this.apps = builder.apps.isEmpty() ? EVERY_APP : Collections.unmodifiableSet(EnumSet.copyOf(builder.apps));
		this.idempotent = builder.idempotent;
		this.userIdType = builder.userIdType;
		this.query = Set.copyOf(builder.query);
		this.limit = builder.limit;
		this.body = builder.body;
		this.mapper = builder.mapper;
		this.reader = reader;
		this.payload = payload;
		this.paging = paging;
		this.errors = builder.errors();
	}

	/**
	 * Declare a {@code GET}; a read unless said otherwise.
	 * @param operation the operation's name, such as {@code room.get}: the rate limiter counts by it
	 * @param path the path template, such as {@code /open-apis/vc/v1/rooms/{room_id}}
	 * @return the builder
	 */
	public static FeishuApiBuilder get(String operation, String path) {
		return new FeishuApiBuilder(operation, HttpMethod.GET, path).read();
	}

	/**
	 * Declare a {@code POST}; a write unless said otherwise.
	 * @param operation the operation's name
	 * @param path the path template
	 * @return the builder
	 */
	public static FeishuApiBuilder post(String operation, String path) {
		return new FeishuApiBuilder(operation, HttpMethod.POST, path);
	}

	/**
	 * Declare a {@code PUT}; a write.
	 * @param operation the operation's name
	 * @param path the path template
	 * @return the builder
	 */
	public static FeishuApiBuilder put(String operation, String path) {
		return new FeishuApiBuilder(operation, HttpMethod.PUT, path);
	}

	/**
	 * Declare a {@code PATCH}; a write.
	 * @param operation the operation's name
	 * @param path the path template
	 * @return the builder
	 */
	public static FeishuApiBuilder patch(String operation, String path) {
		return new FeishuApiBuilder(operation, HttpMethod.PATCH, path);
	}

	/**
	 * Declare a {@code DELETE}; a write.
	 * @param operation the operation's name
	 * @param path the path template
	 * @return the builder
	 */
	public static FeishuApiBuilder delete(String operation, String path) {
		return new FeishuApiBuilder(operation, HttpMethod.DELETE, path);
	}

	/**
	 * The operation's name, such as {@code room.create}: what the rate limiter, the observations and the messages go
	 * by.
	 * @return the name
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * The path template, its variables in braces.
	 * @return the template
	 */
	public String path() {
		return this.path.path();
	}

	/**
	 * The names of the path's variables, in order.
	 * @return the names
	 */
	public List<String> pathVariables() {
		return this.path.variables();
	}

	/**
	 * The path's text around its variables, one more piece than there are variables: the path is
	 * {@code literals[0] + value[0] + literals[1] + ...}.
	 * @return the pieces
	 */
	public List<String> pathLiterals() {
		return this.path.literals();
	}

	/**
	 * The path's variables as the Java parameters they come from are named: {@code meeting_id} is {@code meetingId}.
	 * @return the names, in order
	 */
	public List<String> pathParameters() {
		return this.path.parameters();
	}

	/**
	 * The path's variables, if a raw path (not decoded) is one of this endpoint's.
	 * @param rawPath the path
	 * @return the variables by name, still encoded; {@code null} if the path is not this endpoint's
	 */
	public @Nullable Map<String, String> match(String rawPath) {
		return this.path.match(rawPath);
	}

	/**
	 * The kinds of token the platform accepts.
	 * @return the kinds
	 */
	public Set<Token> tokens() {
		return this.tokens;
	}

	/**
	 * The scopes (permissions) of which the app, and for a user token the user, must have been granted one: what the
	 * platform names when it refuses a call for want of them.
	 * @return the scopes, any one of which suffices
	 */
	public List<String> scopes() {
		return this.scopes;
	}

	/**
	 * The kinds of app the platform serves the endpoint to.
	 * @return the kinds
	 */
	public Set<App> apps() {
		return this.apps;
	}

	/**
	 * Whether a call may be sent again after it may have reached the platform: a read.
	 * @return {@code true} for a read
	 */
	public boolean idempotent() {
		return this.idempotent;
	}

	/**
	 * Whether the endpoint takes {@code user_id_type}.
	 * @return whether it does
	 */
	public boolean takesUserIdType() {
		return this.userIdType;
	}

	/**
	 * The query parameters the endpoint takes, beside {@code user_id_type} and paging.
	 * @return their names
	 */
	public Set<String> query() {
		return this.query;
	}

	/**
	 * The platform's documented limit, where it is not the standard 50 a second and 1000 a minute.
	 * @return the limit, or {@code null} for the standard one
	 */
	public @Nullable RateLimit limit() {
		return this.limit;
	}

	/**
	 * The type of the request body, if the endpoint takes one.
	 * @return the type, or {@code null}
	 */
	public @Nullable Class<?> body() {
		return this.body;
	}

	/**
	 * The mapper that writes the body and reads the answer (the Feishu mapper unless the endpoint's times differ).
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * How the answer is read.
	 * @return the reader
	 */
	public ResponseReader<?, T> reader() {
		return this.reader;
	}

	/**
	 * What of the answer's {@code data} is read.
	 * @return the payload, or {@code null} for an acknowledgement (nothing but success)
	 */
	public @Nullable Payload payload() {
		return this.payload;
	}

	/**
	 * Where a list's page size and token go, if the endpoint answers in pages.
	 * @return the paging, or {@code null}
	 */
	public @Nullable Paging paging() {
		return this.paging;
	}

	/**
	 * The same endpoint, its payload taken from what this one reads; a {@code null} is a missing payload.
	 * @param <R> the new payload type
	 * @param extract takes the payload
	 * @param payloadName where the payload lives, for error messages
	 * @return the declaration
	 */
	public <R> FeishuApi<R> map(Function<T, @Nullable R> extract, String payloadName) {
		return new FeishuApi<>(this, this.reader.map(extract, payloadName), this.payload);
	}

	/**
	 * The same endpoint, reading another field of its answer's {@code data} (an endpoint whose answer has two parts
	 * that callers ask for apart).
	 * @param <R> the payload type
	 * @param field the field
	 * @param type the payload type
	 * @return the declaration
	 */
	public <R> FeishuApi<R> reading(String field, Class<R> type) {
		JavaType javaType = this.mapper.constructType(type);
		return new FeishuApi<>(this, DataFields.field(this.mapper, field, javaType, this.errors),
				new Payload(field, javaType));
	}

	@Override
	public String toString() {
		return this.operation + " (" + this.method + " " + this.path.path() + ")";
	}

	/**
	 * Where a list's page size and page token go: the query, or the request body (a search by POST).
	 *
	 * @param inBody whether they go in the body
	 * @param pageSize the page size asked for, the most the platform gives
	 */
	public record Paging(boolean inBody, int pageSize) {
	}

	/**
	 * What of the answer's {@code data} is read: one field, or the whole of it.
	 *
	 * @param field the field, or {@code null} for the whole {@code data}
	 * @param type the type it is read as
	 */
	public record Payload(@Nullable String field, JavaType type) {
	}

}
