package io.github.feishuvc.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.lark.oapi.Client;
import com.lark.oapi.core.request.RawRequest;
import com.lark.oapi.core.request.RequestOptions;
import com.lark.oapi.core.response.EmptyData;
import com.lark.oapi.core.response.RawResponse;
import com.lark.oapi.core.utils.Jsons;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.support.SdkWireNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the starter declares, held against the official SDK's request of it: the SDK's request with every
 * field set is sent to a transport that keeps it, once with a tenant and once with a user access token, and the
 * declaration must have the SDK's method, a path template the SDK's path matches, the tokens the SDK accepts, its
 * query parameters ({@code user_id_type} and paging included), the names of its body, and the names of the answer's
 * {@code data} that the SDK reads (every name the SDK has read by our types, none of ours missing from the SDK's). The
 * minutes are held against the SDK's minutes service where 2.5.3 has them (a minute, its transcript, statistics and
 * media); the rest, newer, against the Node SDK.
 * Where the platform's documents and the SDK differ, the difference is named here and the documents win.
 */
class FeishuApiSdkTests {

	private static final String BASE_URL = "http://sdk.invalid";

	/** What the SDK's room model sends in a create or a change, which the platform only answers. */
	private static final String[] ROOM_READ_ONLY = { "room_id", "display_id", "path" };

	/** What the SDK's level model sends in a create or a change, which the platform only answers. */
	private static final String[] LEVEL_READ_ONLY = { "room_level_id", "path", "has_child" };

	/** The booking form's questions: in the SDK's model, in no document ({@code vc-rooms.md} §1.7). */
	private static final String FORM_CUSTOM_LIST = "reserve_form_config.custom_list";

	/** The SDK's method of each endpoint ({@code resource.method} under {@code client.vc().v1()}), and differences. */
	private static final Map<String, Sdk> SDK = sdk(
			new Sdk("reserve.apply", "reserve.apply").onlySdk("reserve.meeting_settings.password"),
			new Sdk("reserve.get", "reserve.get").onlySdk("reserve.meeting_settings.password"),
			new Sdk("reserve.update", "reserve.update").onlySdk("reserve.meeting_settings.password"),
			new Sdk("reserve.delete", "reserve.delete"),
			new Sdk("reserve.get_active_meeting", "reserve.getActiveMeeting").onlyOurs("meeting.note_id"),
			new Sdk("meeting.get", "meeting.get").onlyOurs("meeting.note_id"),
			new Sdk("meeting.list_by_no", "meeting.listByNo").onlyOurs("meeting_briefs[].note_id"),
			new Sdk("meeting.invite", "meeting.invite"), new Sdk("meeting.kickout", "meeting.kickout"),
			new Sdk("meeting.set_host", "meeting.setHost"), new Sdk("meeting.end", "meeting.end"),
			new Sdk("recording.get", "meetingRecording.get"),
			new Sdk("recording.set_permission", "meetingRecording.setPermission"),
			new Sdk("recording.start", "meetingRecording.start"), new Sdk("recording.stop", "meetingRecording.stop"),
			new Sdk("room.list", "room.list"), new Sdk("room.get", "room.get"), new Sdk("room.mget", "room.mget"),
			new Sdk("room.create", "room.create").onlySdk(ROOM_READ_ONLY), new Sdk("room.patch", "room.patch").onlySdk(ROOM_READ_ONLY),
			new Sdk("room.delete", "room.delete"), new Sdk("room.search", "room.search"),
			new Sdk("room_level.list", "roomLevel.list"), new Sdk("room_level.get", "roomLevel.get"),
			new Sdk("room_level.mget", "roomLevel.mget"), new Sdk("room_level.create", "roomLevel.create").onlySdk(LEVEL_READ_ONLY),
			new Sdk("room_level.patch", "roomLevel.patch").onlySdk(LEVEL_READ_ONLY), new Sdk("room_level.del", "roomLevel.del"),
			new Sdk("room_level.search", "roomLevel.search"),
			new Sdk("resource_reservation_list.get", "resourceReservationList.get"),
			new Sdk("scope_config.create", "scopeConfig.create"), new Sdk("scope_config.get", "scopeConfig.get"),
			new Sdk("room_config.query", "roomConfig.query"), new Sdk("room_config.set", "roomConfig.set"),
			new Sdk("room_config.set_checkboard_access_code", "roomConfig.setCheckboardAccessCode"),
			new Sdk("room_config.set_room_access_code", "roomConfig.setRoomAccessCode"),
			new Sdk("reserve_config.reserve_scope", "reserveConfig.reserveScope"),
			new Sdk("reserve_config.patch", "reserveConfig.patch"),
			new Sdk("reserve_config_form.get", "reserveConfigForm.get").onlySdk(FORM_CUSTOM_LIST),
			new Sdk("reserve_config_form.patch", "reserveConfigForm.patch").onlySdk(FORM_CUSTOM_LIST),
			new Sdk("reserve_config_admin.get", "reserveConfigAdmin.get"),
			new Sdk("reserve_config_admin.patch", "reserveConfigAdmin.patch"),
			new Sdk("reserve_config_disable_inform.get", "reserveConfigDisableInform.get"),
			new Sdk("reserve_config_disable_inform.patch", "reserveConfigDisableInform.patch"),
			new Sdk("meeting_list.get", "meetingList.get"), new Sdk("participant_list.get", "participantList.get"),
			new Sdk("participant_quality_list.get", "participantQualityList.get"),
			new Sdk("report.get_daily", "report.getDaily"), new Sdk("report.get_top_user", "report.getTopUser"),
			new Sdk("alert.list", "alert.list"), new Sdk("export.meeting_list", "export.meetingList"),
			new Sdk("export.participant_list", "export.participantList"),
			new Sdk("export.participant_quality_list", "export.participantQualityList"),
			new Sdk("export.resource_reservation_list", "export.resourceReservationList"),
			new Sdk("export.get", "export.get"), new Sdk("export.download", "export.download"),
			// The minutes' service ({@code client.minutes().v1()}); 2.5.3 predates the minute's note_id (2026-03).
			new Sdk("minute.get", "minutes:minute.get").onlyOurs("minute.note_id"),
			new Sdk("minute.transcript", "minutes:minuteTranscript.get"),
			new Sdk("minute.statistics", "minutes:minuteStatistics.get"),
			new Sdk("minute.media", "minutes:minuteMedia.get"));

	/**
	 * The endpoints newer than the Java SDK we test against (2.5.3): the official Node SDK proves their wire format
	 * instead ({@code io.github.feishuvc.note.NodeSdkOracleTests}, {@code io.github.feishuvc.meeting.VcNodeSdkOracleTests},
	 * {@code io.github.feishuvc.minutes.MinutesNodeSdkOracleTests}, {@code io.github.feishuvc.agent.AgentNodeSdkOracleTests}).
	 */
	static final Set<String> NODE_SDK_ONLY = Set.of("meeting.search", "meeting.subscription", "meeting.unsubscription",
			"note.get", "note.subscription", "note.unsubscription", "meeting.list", "meeting.change_name",
			"meeting.pull_subtitle", "recording.subscription", "recording.unsubscription",
			"note.unified_note_transcript", "scope_config.access_code", "room_config.del", "minute.artifacts",
			"minute.search", "minute.subscription", "minute.unsubscription", "bot.join", "bot.leave", "bot.message",
			"bot.events", "bot.user_active_meeting");

	/**
	 * The endpoints no official SDK has (a public page only): held to the page's contract over HTTP instead
	 * ({@code io.github.feishuvc.agent.MeetingAgentTemplateTests}).
	 */
	static final Set<String> NO_SDK = Set.of("bot.countdown");

	static Stream<String> endpoints() {
		return FeishuApis.all()
			.stream()
			.map(FeishuApi::operation)
			.filter((operation) -> !NODE_SDK_ONLY.contains(operation) && !NO_SDK.contains(operation));
	}

	@Test
	void shouldKnowTheSdksMethodOfEveryEndpoint() {
		assertThat(SDK.keySet()).containsExactlyInAnyOrderElementsOf(endpoints().toList());
		assertThat(FeishuApis.all()).extracting(FeishuApi::operation).containsAll(NODE_SDK_ONLY).containsAll(NO_SDK);
	}

	@ParameterizedTest
	@MethodSource("endpoints")
	void shouldDeclareWhatTheSdkSends(String operation) throws Exception {
		List<FeishuApi<?>> declarations = FeishuApis.declarations()
			.stream()
			.filter((api) -> api.operation().equals(operation))
			.toList();
		FeishuApi<?> api = declarations.get(0);
		Sdk sdk = SDK.get(operation);
		Sent byTenant = send(sdk, RequestOptions.newBuilder().tenantAccessToken("t-probe").build());
		Sent byUser = send(sdk, RequestOptions.newBuilder().userAccessToken("u-probe").build());
		Set<Token> accepted = new HashSet<>();
		if (byTenant.request() != null) {
			accepted.add(Token.TENANT);
		}
		if (byUser.request() != null) {
			accepted.add(Token.USER);
		}
		assertThat(api.tokens()).as("the tokens the SDK accepts").containsExactlyInAnyOrderElementsOf(accepted);
		RawRequest request = (byTenant.request() != null) ? byTenant.request() : byUser.request();

		assertThat(request.getHttpMethod()).isEqualTo(api.method().name());
		URI url = URI.create(request.getReqUrl());
		assertThat(api.match(url.getRawPath())).as("%s against %s", url.getRawPath(), api.path()).isNotNull();
		Set<String> query = new TreeSet<>(new QueryStringDecoder(url).parameters().keySet());
		assertThat(query.remove("user_id_type")).as("user_id_type").isEqualTo(api.takesUserIdType());
		FeishuApi.Paging paging = api.paging();
		assertThat(query.remove("page_size") | query.remove("page_token")).as("paging in the query")
			.isEqualTo(paging != null && !paging.inBody());
		assertThat(query).as("query parameters").containsExactlyInAnyOrderElementsOf(api.query());

		Set<String> sdkBody = (request.getBody() != null) ? SdkWireNames.paths(api.mapper()
			.readTree(Jsons.DEFAULT.toJson(request.getBody()))) : Set.of();
		Set<String> ourBody = new TreeSet<>();
		if (api.body() != null) {
			ourBody.addAll(SdkWireNames.populatedPaths(api.mapper(), api.mapper().constructType(api.body())));
		}
		if (paging != null && paging.inBody()) {
			ourBody.addAll(List.of("page_size", "page_token"));
		}
		assertThat(without(ourBody, sdk.onlyOurs)).as("body").containsExactlyInAnyOrderElementsOf(
				without(sdkBody, sdk.onlySdk));

		// A download's data is the file, not JSON: the SDK's type of it holds bytes.
		Class<?> data = (dataType(sdk.method()) == java.io.ByteArrayOutputStream.class) ? EmptyData.class
				: dataType(sdk.method());
		Set<String> sdkData = (data != EmptyData.class) ? SdkWireNames.paths(api.mapper()
			.readTree(SdkWireNames.sdkJson(data))) : Set.of();
		Set<String> ourData = new TreeSet<>();
		for (FeishuApi<?> declaration : declarations) {
			ourData.addAll(dataPaths(declaration));
			readsEverySdkName(declaration, (data != EmptyData.class) ? SdkWireNames.sdkJson(data) : "{}", sdk);
		}
		assertThat(without(ourData, sdk.onlyOurs)).as("data").containsExactlyInAnyOrderElementsOf(
				without(sdkData, sdk.onlySdk));
	}

	/** The paths of {@code data} a declaration reads. */
	private static Set<String> dataPaths(FeishuApi<?> api) {
		FeishuApi.Payload payload = api.payload();
		if (payload == null) {
			return Set.of();
		}
		Object value = SdkWireNames.ours(payload.type());
		JsonNode tree = api.mapper().valueToTree(value);
		if (payload.field() != null) {
			ObjectNode wrapped = api.mapper().createObjectNode();
			wrapped.set(payload.field(), tree);
			if (api.paging() != null) {
				wrapped.put("page_token", "1");
				wrapped.put("has_more", true);
			}
			tree = wrapped;
		}
		return SdkWireNames.paths(tree);
	}

	/** Our payload type reads the SDK's {@code data} with unknown names refused (but those the documents lack). */
	private static void readsEverySdkName(FeishuApi<?> api, String sdkData, Sdk sdk) {
		FeishuApi.Payload payload = api.payload();
		if (payload == null) {
			return;
		}
		ObjectNode data = (ObjectNode) api.mapper().readTree(sdkData);
		for (String path : sdk.onlySdk) {
			int dot = path.lastIndexOf('.');
			JsonNode parent = (dot < 0) ? data : data.at("/" + path.substring(0, dot).replace('.', '/'));
			if (parent instanceof ObjectNode object) {
				object.remove(path.substring(dot + 1));
			}
		}
		JsonNode read = (payload.field() != null) ? data.path(payload.field()) : data;
		if (read.isMissingNode()) {
			return;
		}
		JsonMapper strict = api.mapper().rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		Object value = strict.readValue(api.mapper().writeValueAsString(read), payload.type());
		assertThat(value).as("the SDK's data read by %s", payload.type()).isNotNull();
	}

	private static Set<String> without(Set<String> paths, Set<String> excepted) {
		Set<String> kept = new TreeSet<>(paths);
		kept.removeIf((path) -> excepted.stream()
			.anyMatch((except) -> path.equals(except) || path.startsWith(except + ".")
					|| path.startsWith(except + "[]")));
		return kept;
	}

	/** The type of {@code data} in the SDK's answer: {@code BaseResponse<X>}'s {@code X}. */
	private static Class<?> dataType(Method method) {
		ParameterizedType response = (ParameterizedType) method.getReturnType().getGenericSuperclass();
		return (Class<?>) response.getActualTypeArguments()[0];
	}

	/** The SDK's request of the endpoint with every field set, sent with the options' token; kept, not sent. */
	private static Sent send(Sdk sdk, RequestOptions options) throws Exception {
		List<RawRequest> sent = new ArrayList<>();
		Client client = Client.newBuilder("cli_probe", "probe-secret")
			.openBaseUrl(BASE_URL)
			.disableTokenCache()
			.httpTransport((request) -> {
				sent.add(request);
				RawResponse response = new RawResponse();
				response.setStatusCode(200);
				response.setContentType("application/json");
				response.setHeaders(Map.of("Content-Type", List.of("application/json")));
				response.setBody("{\"code\":0,\"msg\":\"success\",\"data\":{}}".getBytes(StandardCharsets.UTF_8));
				return response;
			})
			.build();
		Method method = sdk.method();
		Object resource = resource(client, sdk);
		try {
			method.invoke(resource, SdkWireNames.sdkModel(method.getParameterTypes()[0]), options);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof IllegalArgumentException refused
					&& refused.getMessage().contains("token type not match")) {
				return new Sent(null);
			}
			throw ex;
		}
		assertThat(sent).hasSize(1);
		return new Sent(sent.get(0));
	}

	private static Object resource(Client client, Sdk sdk) throws Exception {
		Object v1 = v1(client, sdk.service());
		return v1.getClass().getMethod(sdk.resource()).invoke(v1);
	}

	/** A service's {@code v1()}, such as {@code client.vc().v1()}. */
	private static Object v1(Client client, String service) throws Exception {
		Object named = client.getClass().getMethod(service).invoke(client);
		return named.getClass().getMethod("v1").invoke(named);
	}

	private static Map<String, Sdk> sdk(Sdk... methods) {
		Map<String, Sdk> byOperation = new LinkedHashMap<>();
		for (Sdk method : methods) {
			byOperation.put(method.operation, method);
		}
		return byOperation;
	}

	/** What the SDK sent, or {@code null} if it refused the token. */
	private record Sent(@Nullable RawRequest request) {
	}

	/** An endpoint's SDK method, and the paths the documents and the SDK disagree on. */
	private static final class Sdk {

		final String operation;

		final String call;

		final Set<String> onlyOurs = new HashSet<>();

		final Set<String> onlySdk = new HashSet<>();

		/** The service's name, {@code vc} unless the call names another ({@code minutes:minute.get}). */
		final String service;

		Sdk(String operation, String call) {
			this.operation = operation;
			int colon = call.indexOf(':');
			this.service = (colon < 0) ? "vc" : call.substring(0, colon);
			this.call = call.substring(colon + 1);
		}

		/** Paths the documents have and the SDK lacks. */
		Sdk onlyOurs(String... paths) {
			this.onlyOurs.addAll(List.of(paths));
			return this;
		}

		/** Paths the SDK has that the documents do not (or that the starter reads elsewhere). */
		Sdk onlySdk(String... paths) {
			this.onlySdk.addAll(List.of(paths));
			return this;
		}

		String service() {
			return this.service;
		}

		String resource() {
			return this.call.substring(0, this.call.indexOf('.'));
		}

		Method method() throws Exception {
			String name = this.call.substring(this.call.indexOf('.') + 1);
			Class<?> type = v1(Client.newBuilder("a", "b").build(), this.service).getClass()
				.getMethod(resource())
				.getReturnType();
			for (Method method : type.getMethods()) {
				if (method.getName().equals(name) && method.getParameterCount() == 2
						&& method.getParameterTypes()[1] == RequestOptions.class) {
					return method;
				}
			}
			throw new IllegalStateException("The SDK has no " + this.call);
		}

	}

}
