package io.github.feishuvc.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApi.App;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Paging;
import io.github.feishuvc.internal.FeishuApi.Payload;
import io.github.feishuvc.internal.FeishuApi.Token;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * The declaration of an endpoint ({@link FeishuApi#get} and its siblings start one), until how its answer is read is
 * said: the tokens, scopes and kinds of app it takes, whether it is a read, its query, body, limit and error meanings;
 * {@code returning}, {@code paged} and their siblings end it with the reader of its answer.
 */
public final class FeishuApiBuilder {

	final String operation;

	final HttpMethod method;

	final String path;

	final Set<Token> tokens = EnumSet.noneOf(Token.class);

	final Set<String> query = new LinkedHashSet<>();

	final Set<String> scopes = new LinkedHashSet<>();

	final Set<App> apps = EnumSet.noneOf(App.class);

	boolean idempotent;

	boolean userIdType;

	@Nullable RateLimit limit;

	@Nullable Class<?> body;

	JsonMapper mapper = FeishuVcJson.mapper();

	final Map<Integer, Meaning> errors = new LinkedHashMap<>();

	FeishuApiBuilder(String operation, HttpMethod method, String path) {
		Assert.hasText(operation, "operation must not be empty");
		Assert.isTrue(path.startsWith("/open-apis/"), () -> "path must start with /open-apis/, was " + path);
		this.operation = operation;
		this.method = method;
		this.path = path;
	}

	/**
	 * The tokens the platform accepts.
	 * @param tokens the kinds
	 * @return this builder
	 */
	public FeishuApiBuilder tokens(Token... tokens) {
		Collections.addAll(this.tokens, tokens);
		return this;
	}

	/**
	 * The scopes of which one must have been granted, as the endpoint's page lists them; replaces any named
	 * before.
	 * @param anyOf the scopes, any one of which suffices
	 * @return this builder
	 */
	public FeishuApiBuilder scopes(String... anyOf) {
		this.scopes.clear();
		Collections.addAll(this.scopes, anyOf);
		return this;
	}

	/**
	 * The only kinds of app the platform serves the endpoint to, where it does not serve every kind.
	 * @param apps the kinds
	 * @return this builder
	 */
	public FeishuApiBuilder apps(App... apps) {
		Collections.addAll(this.apps, apps);
		return this;
	}

	/**
	 * A read: sent again after a transient failure, whatever its method.
	 * @return this builder
	 */
	public FeishuApiBuilder read() {
		this.idempotent = true;
		return this;
	}

	/**
	 * A write: never sent again once it may have reached the platform, whatever its method.
	 * @return this builder
	 */
	public FeishuApiBuilder write() {
		this.idempotent = false;
		return this;
	}

	/**
	 * The endpoint takes {@code user_id_type}.
	 * @return this builder
	 */
	public FeishuApiBuilder userIdType() {
		this.userIdType = true;
		return this;
	}

	/**
	 * The query parameters the endpoint takes, beside {@code user_id_type} and paging.
	 * @param names their names, as on the wire
	 * @return this builder
	 */
	public FeishuApiBuilder query(String... names) {
		Collections.addAll(this.query, names);
		return this;
	}

	/**
	 * The platform's documented limit, stricter than the standard one.
	 * @param limit the limit
	 * @return this builder
	 */
	public FeishuApiBuilder limit(RateLimit limit) {
		this.limit = limit;
		return this;
	}

	/**
	 * The type of the request body.
	 * @param body the type
	 * @return this builder
	 */
	public FeishuApiBuilder body(Class<?> body) {
		this.body = body;
		return this;
	}

	/**
	 * Another mapper than the Feishu one, for an endpoint whose times are written otherwise.
	 * @param mapper the mapper
	 * @return this builder
	 */
	public FeishuApiBuilder mapper(JsonMapper mapper) {
		this.mapper = mapper;
		return this;
	}

	/**
	 * What an error code means here, where it differs from the platform's general table (such as {@code 121005}
	 * answered with 404 by the room APIs).
	 * @param code the code
	 * @param meaning what it means
	 * @return this builder
	 */
	public FeishuApiBuilder error(int code, Meaning meaning) {
		this.errors.put(code, meaning);
		return this;
	}

	/**
	 * The answer's payload: one field of its {@code data}.
	 * @param <T> the payload type
	 * @param field the field, such as {@code room}
	 * @param type the payload type
	 * @return the declaration
	 */
	public <T> FeishuApi<T> returning(String field, Class<T> type) {
		return returning(field, this.mapper.constructType(type));
	}

	/**
	 * The answer's payload: a list in one field of its {@code data}.
	 * @param <E> the element type
	 * @param field the field, such as {@code items}
	 * @param element the element type
	 * @return the declaration
	 */
	public <E> FeishuApi<List<E>> returningList(String field, Class<E> element) {
		return returning(field, this.mapper.getTypeFactory().constructCollectionType(List.class, element));
	}

	/**
	 * The whole {@code data} as the payload.
	 * @param <T> the payload type
	 * @param type its type
	 * @return the declaration
	 */
	public <T> FeishuApi<T> returningData(Class<T> type) {
		return new FeishuApi<>(this, DataFields.whole(this.mapper, type, errors()),
				new Payload(null, this.mapper.constructType(type)), null);
	}

	/**
	 * Nothing but success: an answer whose {@code data} is empty.
	 * @return the declaration
	 */
	public FeishuApi<Boolean> acknowledged() {
		return new FeishuApi<>(this, DataFields.acknowledgement(this.mapper, errors()), null, null);
	}

	/**
	 * A list answered in pages: each call reads one page of the list's field, with the page token and whether
	 * there are more.
	 * @param <E> the element type
	 * @param field the list's field, such as {@code rooms}
	 * @param element the element type
	 * @param pageSize the page size asked for: the most the platform gives
	 * @param inBody whether the page size and token go in the request body rather than the query
	 * @return the declaration
	 */
	public <E> FeishuApi<Page<E>> paged(String field, Class<E> element, int pageSize, boolean inBody) {
		return new FeishuApi<>(this, DataFields.page(this.mapper, field, element, errors()),
				new Payload(field, this.mapper.getTypeFactory().constructCollectionType(List.class, element)),
				new Paging(inBody, pageSize));
	}

	private <T> FeishuApi<T> returning(String field, JavaType type) {
		return new FeishuApi<>(this, DataFields.field(this.mapper, field, type, errors()), new Payload(field, type),
				null);
	}

	ErrorMeanings errors() {
		return new ErrorMeanings(Map.copyOf(this.errors), List.copyOf(this.scopes));
	}

}
