package io.github.feishuvc.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.internal.FeishuApi;
import io.github.feishuvc.internal.FeishuApis;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;

/**
 * The VC API's endpoints as the emulator serves them, routed by the client's own declarations ({@link FeishuApis}):
 * each declared endpoint has one handler, and an emulator that lacks one for any of them does not start. A path that
 * matches a literal path is never taken for a variable (so {@code GET /room_levels/search} is not a level named
 * {@code search}).
 */
final class VcRoutes {

	private final List<Route> routes = new ArrayList<>();

	/**
	 * Serve an endpoint.
	 * @param api its declaration
	 * @param handler what answers it
	 */
	void handle(FeishuApi<?> api, Handler handler) {
		FeishuApi<?> declared = declared(api);
		if (this.routes.stream().anyMatch((route) -> route.api() == declared)) {
			throw new IllegalStateException(declared + " has two handlers");
		}
		this.routes.add(new Route(declared, handler));
		this.routes.sort(Comparator.comparingInt((Route route) -> route.api().pathVariables().size()));
	}

	/** Let each family, or each concern of one, serve its endpoints. */
	void serve(Endpoints... families) {
		for (Endpoints family : families) {
			family.serve(this);
		}
	}

	/** Fail unless every declared endpoint is served. */
	void checkEveryEndpointServed() {
		List<String> missing = new ArrayList<>();
		for (FeishuApi<?> api : FeishuApis.all()) {
			if (this.routes.stream().noneMatch((route) -> route.api() == api)) {
				missing.add(api.toString());
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The emulator serves no handler for " + missing);
		}
	}

	/**
	 * The endpoint of a request, if any.
	 * @param method the HTTP method
	 * @param rawPath the path, not decoded
	 * @return the route and the path's variables, decoded; {@code null} for no VC endpoint
	 */
	@Nullable Match match(String method, String rawPath) {
		for (Route route : this.routes) {
			if (route.api().method().name().equals(method)) {
				Map<String, String> variables = route.api().match(rawPath);
				if (variables != null) {
					Map<String, String> decoded = new LinkedHashMap<>();
					variables.forEach((name, value) -> decoded.put(name,
							QueryStringDecoder.decodeComponent(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
					return new Match(route, decoded);
				}
			}
		}
		return null;
	}

	/** A VC endpoint's operation, checked: a misspelt name is an error, not a count of zero. */
	static String operation(String operation) {
		if (FeishuApis.all().stream().noneMatch((api) -> api.operation().equals(operation))) {
			throw new IllegalArgumentException("No VC endpoint is named " + operation);
		}
		return operation;
	}

	/** The one declaration of an endpoint (two constants may declare one endpoint, to read two parts of its answer). */
	static FeishuApi<?> declared(FeishuApi<?> api) {
		for (FeishuApi<?> declared : FeishuApis.all()) {
			if (declared.method() == api.method() && declared.path().equals(api.path())) {
				return declared;
			}
		}
		throw new IllegalArgumentException(api + " is not in the client's catalogs");
	}

	/** What serves some of the VC API's endpoints: a family of the platform, or one concern of a family. */
	interface Endpoints {

		/**
		 * Serve its endpoints, one handler each.
		 * @param routes the router
		 */
		void serve(VcRoutes routes);

	}

	/** What answers an authenticated call of an endpoint. */
	@FunctionalInterface
	interface Handler {

		Replies.Reply handle(Caller caller, VcCall call);

	}

	/**
	 * A call of an endpoint.
	 *
	 * @param path the path's variables, decoded
	 * @param query the query's parameters
	 * @param body the body
	 */
	record VcCall(Map<String, String> path, Map<String, List<String>> query, byte[] body) {

		String path(String name) {
			String value = this.path.get(name);
			if (value == null) {
				throw new IllegalArgumentException("No path variable " + name);
			}
			return value;
		}

	}

	/** An endpoint and its handler. */
	record Route(FeishuApi<?> api, Handler handler) {
	}

	/** A request's route and its path's variables. */
	record Match(Route route, Map<String, String> variables) {
	}

}
