package io.github.feishuvc.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.lark.oapi.Client;
import com.lark.oapi.core.cache.ICache;
import com.lark.oapi.core.request.EventReq;
import com.lark.oapi.core.response.BaseResponse;
import com.lark.oapi.core.utils.Jsons;
import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.test.FeishuVcEmulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SDK as an oracle of what the emulator answers: its answers checked for success, and our models
 * compared with its, field by field and value by value.
 */
public final class SdkOracle {

	private SdkOracle() {
	}

	/**
	 * A token cache of the SDK's own, for one client: the SDK's default cache is one per JVM, and would hand a client
	 * of one emulator the token another issued.
	 * @return the cache
	 */
	public static ICache tokenCache() {
		Map<String, String> values = new ConcurrentHashMap<>();
		return new ICache() {

			@Override
			public String get(String key) {
				return values.get(key);
			}

			@Override
			public void set(String key, String value, int expire, TimeUnit timeUnit) {
				values.put(key, value);
			}

		};
	}

	/**
	 * A push of the emulator as the SDK's event dispatcher takes it.
	 * @param push the push, as the application's endpoint received it
	 * @return the SDK's request
	 */
	public static EventReq eventRequest(EventRequest push) {
		EventReq request = new EventReq();
		Map<String, List<String>> headers = new HashMap<>();
		headers.put(FeishuEventReceiver.TIMESTAMP_HEADER.toLowerCase(), List.of(push.timestamp()));
		headers.put(FeishuEventReceiver.NONCE_HEADER.toLowerCase(), List.of(push.nonce()));
		headers.put(FeishuEventReceiver.SIGNATURE_HEADER.toLowerCase(), List.of(push.signature()));
		request.setHeaders(headers);
		request.setBody(push.body());
		request.setHttpPath("/feishu/events");
		return request;
	}

	/**
	 * The official SDK's client of an emulator's app, its tokens cached in memory.
	 * @param emulator the emulator
	 * @return the client
	 */
	public static Client client(FeishuVcEmulator emulator) {
		return Client.newBuilder(emulator.appId(), emulator.appSecret())
			.openBaseUrl(emulator.baseUrl())
			.tokenCache(tokenCache())
			.requestTimeout(10, TimeUnit.SECONDS)
			.build();
	}

	/**
	 * The data of a successful SDK answer.
	 * @param <T> the data's type
	 * @param response the answer
	 * @return its data
	 */
	public static <T> T ok(BaseResponse<T> response) {
		assertThat(response.getCode()).as(response.getMsg()).isZero();
		return response.getData();
	}

	/**
	 * Our model, written by our mapper, against the SDK's, written by its own Gson: the same fields and values.
	 * @param mapper our mapper
	 * @param ours our model
	 * @param theirs the SDK's model
	 */
	public static void assertSame(JsonMapper mapper, Object ours, Object theirs) {
		assertSameJson(mapper, ours, mapper.readTree(Jsons.DEFAULT.toJson(theirs)));
	}

	/**
	 * Our model against the SDK's, but for fields the SDK's model lacks.
	 * @param mapper our mapper
	 * @param ours our model
	 * @param theirs the SDK's model
	 * @param onlyOurs the top-level fields only ours has
	 */
	public static void assertSame(JsonMapper mapper, Object ours, Object theirs, String... onlyOurs) {
		ObjectNode our = mapper.valueToTree(ours);
		our.remove(List.of(onlyOurs));
		assertSameJson(mapper, our, mapper.readTree(Jsons.DEFAULT.toJson(theirs)));
	}

	/**
	 * Our model, written by our mapper, against JSON an SDK of another language read: the same fields and values.
	 * @param mapper our mapper
	 * @param ours our model
	 * @param sdk the SDK's JSON
	 */
	public static void assertSameJson(JsonMapper mapper, Object ours, JsonNode sdk) {
		JsonNode our = mapper.valueToTree(ours);
		assertThat(SdkWireNames.paths(our)).containsExactlyInAnyOrderElementsOf(SdkWireNames.paths(sdk));
		assertThat(leaves(our, "")).isEqualTo(leaves(sdk, ""));
	}

	/** Every value by its path, as text: the SDK reads times and counts as strings, we as instants and numbers. */
	private static Map<String, String> leaves(JsonNode node, String path) {
		Map<String, String> leaves = new TreeMap<>();
		if (node.isObject()) {
			node.properties().forEach((field) -> leaves.putAll(leaves(field.getValue(), path + "." + field.getKey())));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				leaves.putAll(leaves(node.get(i), path + "[" + i + "]"));
			}
		}
		else {
			leaves.put(path, node.asString());
		}
		return leaves;
	}

}
