package io.github.feishuvc.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.lark.oapi.Client;
import com.lark.oapi.core.cache.ICache;
import com.lark.oapi.core.httpclient.OkHttpTransport;
import com.lark.oapi.okhttp.ConnectionPool;
import com.lark.oapi.okhttp.OkHttpClient;
import com.lark.oapi.service.vc.v1.model.GetReserveReq;
import com.lark.oapi.service.vc.v1.model.GetReserveResp;
import io.github.feishuvc.reserve.ReserveOperations;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three contenders, each given a pool of as many connections as the highest concurrency, so none waits for a
 * connection: the starter through its auto-configured Spring context (client-side rate limiter off), the official
 * Lark SDK, and a raw Reactor Netty GET that decodes nothing (the ceiling for any client).
 */
final class Contenders {

	static final int CONNECTIONS = 512;

	private Contenders() {
	}

	static Contender starter(BenchmarkServer server) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn",
					"feishu.vc.base-url=" + server.baseUrl(), "feishu.vc.app-id=" + BenchmarkServer.APP_ID,
					"feishu.vc.app-secret=" + BenchmarkServer.APP_SECRET, "feishu.vc.rate-limit.enabled=false",
					"feishu.vc.pool.max-connections=" + CONNECTIONS, "feishu.vc.pool.pending-acquire-timeout=60s")
			.run();
		ReserveOperations reserves = context.getBean(ReserveOperations.class);
		return new Contender.Reactive("starter", () -> reserves.get(BenchmarkServer.RESERVE_ID), context::close);
	}

	static Contender larkSdk(BenchmarkServer server) {
		OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(CONNECTIONS, 5, TimeUnit.MINUTES))
			.build();
		Client client = Client.newBuilder(BenchmarkServer.APP_ID, BenchmarkServer.APP_SECRET)
			.openBaseUrl(server.baseUrl())
			// Its default cache is one static map per JVM; a cache of its own makes every client start cold.
			.tokenCache(new MapTokenCache())
			.httpTransport(new OkHttpTransport(http))
			.requestTimeout(10, TimeUnit.SECONDS)
			.build();
		GetReserveReq request = GetReserveReq.newBuilder()
			.reserveId(BenchmarkServer.RESERVE_ID)
			.userIdType("open_id")
			.build();
		return new Contender.Blocking("Lark SDK", () -> {
			GetReserveResp response = client.vc().v1().reserve().get(request);
			if (!response.success()) {
				throw new IllegalStateException("Lark SDK call failed: " + response.getCode() + " " + response.getMsg());
			}
			return response.getData().getReserve();
		}, () -> {
			http.dispatcher().executorService().shutdown();
			http.connectionPool().evictAll();
		});
	}

	static Contender rawNetty(BenchmarkServer server) {
		ConnectionProvider connections = ConnectionProvider.builder("raw")
			.maxConnections(CONNECTIONS)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		HttpClient http = HttpClient.create(connections)
			.baseUrl(server.baseUrl())
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + BenchmarkServer.TOKEN));
		return new Contender.Reactive("raw Reactor Netty", () -> http.get()
			.uri(BenchmarkServer.RESERVE_PATH)
			.response((response, body) -> (response.status().code() == 200) ? body.then()
					: Mono.error(new IllegalStateException("HTTP " + response.status())))
			.then(), connections::dispose);
	}

	/** The SDK's token cache interface over a map of this client's own. */
	static final class MapTokenCache implements ICache {

		private final Map<String, String> values = new ConcurrentHashMap<>();

		@Override
		public String get(String key) {
			return this.values.get(key);
		}

		@Override
		public void set(String key, String value, int expire, TimeUnit timeUnit) {
			this.values.put(key, value);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StarterApplication {

	}

}
