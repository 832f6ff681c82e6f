package io.github.feishuvc.test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The emulator's life: the event loops and the pool of pushes it runs on, the platform it serves, and the HTTP server
 * on a loopback port (a free one unless asked for one) that hands each request to the platform and writes its reply, with the fault the platform
 * chose for it (a dropped connection, a half body, a stall, a delay). Closed once, in order: the platform, the server,
 * the pool, the loops.
 */
final class EmulatorServer implements AutoCloseable {

	private final LoopResources loops;

	private final ConnectionProvider pushConnections;

	private final EmulatedPlatform platform;

	private final DisposableServer server;

	private final Duration slowResponseDelay;

	/**
	 * The largest request body held: far above any request of the platform's API and any state document a test
	 * writes, far below what would exhaust a test JVM's memory.
	 */
	static final int LARGEST_BODY = 16 * 1024 * 1024;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile @Nullable ControlApi control;

	EmulatorServer(EmulatorSettings settings) {
		// Event loops and a pool of its own: the emulator must outlive whatever the application under test shuts down.
		this.loops = LoopResources.create("feishu-vc-emulator", 1, 2, true);
		this.pushConnections = ConnectionProvider.create("feishu-vc-emulator-pushes", 50);
		this.slowResponseDelay = settings.slowResponseDelay();
		// The platform (its client of pushes, the client's declarations, its JSON, its seeded random) is built while the
		// server binds (the transport's own start): each takes about as long, and a standalone emulator starts in the
		// longer of the two.
		CompletableFuture<EmulatedPlatform> building = CompletableFuture.supplyAsync(
				() -> new EmulatedPlatform(settings, HttpClient.create(this.pushConnections).runOn(this.loops)),
				EmulatorServer::startThread);
		DisposableServer bound = null;
		try {
			bound = HttpServer.create()
				.runOn(this.loops)
				.host("127.0.0.1")
				.port(settings.port())
				.handle(this::handle)
				.bindNow();
			this.platform = building.join();
		}
		catch (RuntimeException ex) {
			if (bound != null) {
				bound.disposeNow();
			}
			building.thenAccept(EmulatedPlatform::close);
			this.pushConnections.dispose();
			this.loops.dispose();
			throw (ex instanceof CompletionException && ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		this.server = bound;
		this.platform.baseUrl(baseUrl());
	}

	private static void startThread(Runnable task) {
		Thread thread = new Thread(task, "feishu-vc-emulator-start");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * A request, once the emulator is whole (its control API is the last part made); before, with a port the client
	 * knew in advance, 503, as a server still starting answers.
	 */
	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		if (this.control == null) {
			return response.status(503).send();
		}
		if (request.uri().startsWith(EmulatedLongConnections.CONNECT_PATH)) {
			return this.platform.longConnections().connect(request, response);
		}
		if (ControlApi.handles(request.uri())) {
			return control(request, response);
		}
		return body(request)
			.flatMap((body) -> reply(response, this.platform.gateway()
				.handle(request.method().name(), request.uri(),
						request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION), body)))
			.onErrorResume(BodyTooLarge.class, (ex) -> refuseLargeBody(response, "text/html",
					"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n"
							+ "<center><h1>413 Request Entity Too Large</h1></center>\r\n</body>\r\n</html>\r\n"));
	}

	/** The control API this server answers under {@code /_emulator}, once the emulator made it. */
	void control(ControlApi control) {
		this.control = control;
	}

	private Mono<Void> control(HttpServerRequest request, HttpServerResponse response) {
		ControlApi control = this.control;
		return body(request)
			.flatMap((body) -> Objects.requireNonNull(control).handle(request.method().name(), request.uri(), body))
			.flatMap((answer) -> {
				response.status(answer.status());
				if (!answer.contentType().isEmpty()) {
					response.header(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
				}
				answer.headers().forEach(response::header);
				return response.sendByteArray(Mono.just(answer.body())).then();
			})
			.onErrorResume(BodyTooLarge.class, (ex) -> refuseLargeBody(response, "application/json",
					"{\"error\":\"The body is larger than " + LARGEST_BODY + " bytes\"}"));
	}

	/**
	 * A request's body, held in memory up to {@link #LARGEST_BODY}: a larger one is refused with 413 as soon as its
	 * length says so or its bytes pass the limit, rather than read whole into memory.
	 */
	private static Mono<byte[]> body(HttpServerRequest request) {
		if (declaredLength(request) > LARGEST_BODY) {
			return Mono.error(new BodyTooLarge());
		}
		return request.receive()
			.asByteArray()
			.reduceWith(ByteArrayOutputStream::new, (all, chunk) -> {
				if (all.size() + chunk.length > LARGEST_BODY) {
					throw new BodyTooLarge();
				}
				all.writeBytes(chunk);
				return all;
			})
			.map(ByteArrayOutputStream::toByteArray)
			.defaultIfEmpty(new byte[0]);
	}

	/**
	 * A body past {@link #LARGEST_BODY}, answered with 413: the control API's error, or the page the platform's front
	 * servers send. The connection stays open while the server discards the
	 * rest of the body, chunk by chunk, never holding it: closed at once, it would reset a client still sending, which
	 * would then see a broken connection rather than the answer.
	 */
	private static Mono<Void> refuseLargeBody(HttpServerResponse response, String contentType, String page) {
		return response.status(413).header(HttpHeaderNames.CONTENT_TYPE, contentType).sendString(Mono.just(page)).then();
	}

	/** The length a request declares, 0 without one; one no number can hold counts as too long. */
	private static long declaredLength(HttpServerRequest request) {
		String length = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
		try {
			return (length != null) ? Long.parseLong(length.strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	/** A body past the limit. */
	private static final class BodyTooLarge extends RuntimeException {

		BodyTooLarge() {
			super(null, null, false, false);
		}

	}

	EmulatedPlatform platform() {
		return this.platform;
	}

	int port() {
		return this.server.port();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	private Mono<Void> reply(HttpServerResponse response, EmulatedGateway.Outcome outcome) {
		Replies.Reply reply = outcome.reply();
		if (reply == null) {
			response.withConnection((connection) -> connection.channel().close());
			return Mono.empty();
		}
		response.status(reply.status())
			.header(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
			.header(FeishuVcEmulator.LOG_ID_HEADER, reply.logId());
		reply.headers().forEach(response::header);
		Path file = reply.file();
		if (file != null) {
			return sendFile(response, file, outcome.fault());
		}
		if (outcome.fault() == Fault.TRUNCATED_BODY) {
			// The channel is taken first: once the response is sent, the server's operations let go of it.
			AtomicReference<Channel> channel = new AtomicReference<>();
			response.withConnection((connection) -> channel.set(connection.channel()));
			byte[] half = Arrays.copyOf(reply.body(), reply.body().length / 2);
			return response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length))
				.sendByteArray(Mono.just(half))
				.then()
				.then(Mono.fromRunnable(() -> channel.get().close()));
		}
		if (outcome.fault() == Fault.STALLED_BODY) {
			return response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length))
				.sendByteArray(Mono.just(Arrays.copyOf(reply.body(), reply.body().length / 2)))
				.then()
				.then(Mono.never());
		}
		Mono<Void> send = response.sendByteArray(Mono.just(reply.body())).then();
		return (outcome.fault() == Fault.SLOW_RESPONSE) ? Mono.delay(this.slowResponseDelay).then(send) : send;
	}

	/**
	 * A file straight from disk (zero-copy where the transport allows); a truncating fault sends half, then closes, a
	 * stalling one sends half, then nothing.
	 */
	private Mono<Void> sendFile(HttpServerResponse response, Path file, @Nullable Fault fault) {
		// The file's size read off the event loop: a look at the disk, however brief, does not belong there.
		return Mono.fromCallable(() -> Files.size(file))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((size) -> sendFile(response, file, size, fault));
	}

	private Mono<Void> sendFile(HttpServerResponse response, Path file, long size, @Nullable Fault fault) {
		response.header(HttpHeaderNames.CONTENT_LENGTH, Long.toString(size));
		if (fault == Fault.TRUNCATED_BODY) {
			AtomicReference<Channel> channel = new AtomicReference<>();
			response.withConnection((connection) -> channel.set(connection.channel()));
			return response.sendFile(file, 0, size / 2).then().then(Mono.fromRunnable(() -> channel.get().close()));
		}
		if (fault == Fault.STALLED_BODY) {
			return response.sendFile(file, 0, size / 2).then().then(Mono.never());
		}
		Mono<Void> send = response.sendFile(file, 0, size).then();
		return (fault == Fault.SLOW_RESPONSE) ? Mono.delay(this.slowResponseDelay).then(send) : send;
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.platform.close();
		this.server.disposeNow();
		this.pushConnections.dispose();
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

}
