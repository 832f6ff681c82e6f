package io.github.feishuvc.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The one local server every contender calls: the tenant token endpoint and reserve get, answering with bytes
 * prepared once (the reference response of the platform's document) from event-loop threads of its own
 * ({@code bench-server-*}), so their allocations are not counted against a client.
 */
final class BenchmarkServer implements AutoCloseable {

	static final String APP_ID = "cli_benchmark";

	static final String APP_SECRET = "benchmark-app-secret";

	static final String TOKEN = "t-g1044ghJRUIJJ5ELPZ5KKNZGX6RCJZAN0000";

	static final String RESERVE_ID = "6911188411934973028";

	static final String RESERVE_PATH = "/open-apis/vc/v1/reserves/" + RESERVE_ID + "?user_id_type=open_id";

	private static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

	private static final String BEARER = "Bearer " + TOKEN;

	private static final ByteBuf TOKEN_BODY = body("{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"" + TOKEN
			+ "\",\"expire\":7200}");

	private static final ByteBuf RESERVE_BODY = body("""
			{"code":0,"msg":"success","data":{"reserve":{"id":"6911188411934973028","meeting_no":"112000358",\
			"password":"971024","url":"https://vc.feishu.cn/j/337736498","app_link":"https://applink.feishu.cn/client/\
			videochat/open?source=openplatform&action=join&idtype=reservationid&id={?}&preview={?}&mic={?}&speaker={?}\
			&camera={?}","live_link":"https://meetings.feishu.cn/s/1gub381l4gglv","end_time":"1608883322",\
			"expire_status":0,"reserve_user_id":"ou_3ec3f6a28a0d08c45d895276e8e5e19b","meeting_settings":{"topic":\
			"my meeting","action_permissions":[{"permission":1,"permission_checkers":[{"check_field":1,"check_mode":1,\
			"check_list":["ou_3ec3f6a28a0d08c45d895276e8e5e19b"]}]}],"meeting_initial_type":1,"meeting_connect":true,\
			"call_setting":{"callee":{"id":"ou_3ec3f6a28a0d08c45d895276e8e5e19b","user_type":1,"pstn_sip_info":\
			{"nickname":"dodo","main_address":"+86-02187654321"}}},"auto_record":true,"assign_host_list":[{"user_type":1,\
			"id":"ou_3ec3f6a28a0d08c45d895276e8e5e19b"}]}}}}""");

	private static final ByteBuf TOKEN_REJECTED = body("{\"code\":99991663,\"msg\":\"Invalid access token\"}");

	private final LoopResources loops = LoopResources.create("bench-server",
			Runtime.getRuntime().availableProcessors(), true);

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final DisposableServer server;

	BenchmarkServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).runOn(this.loops).handle((request, response) -> {
			response.header(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
				.header("X-Tt-Logid", "20261124000000BENCH");
			if (request.uri().equals(TOKEN_PATH)) {
				this.tokenRequests.incrementAndGet();
				return request.receive().then(response.sendObject(TOKEN_BODY.retainedDuplicate()).then());
			}
			if (!BEARER.equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
				return response.status(HttpResponseStatus.BAD_REQUEST).sendObject(TOKEN_REJECTED.retainedDuplicate());
			}
			return response.sendObject(RESERVE_BODY.retainedDuplicate());
		}).bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	int tokenRequests() {
		return this.tokenRequests.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

	private static ByteBuf body(String json) {
		return Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(json.getBytes(StandardCharsets.UTF_8)));
	}

}
