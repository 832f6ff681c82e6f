package io.github.feishuvc.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link ResponseBody} with Netty's pooled buffers, as Reactor Netty hands them over: every buffer is released however
 * the read ends.
 */
class ResponseBodyTests {

	private static final DataBuffer EMPTY = DefaultDataBufferFactory.sharedInstance.allocateBuffer(0);

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	private final List<ByteBuf> handedOut = new ArrayList<>();

	@AfterEach
	void everyBufferReleased() {
		assertThat(this.handedOut).allSatisfy((buf) -> assertThat(buf.refCnt()).as("reference count").isZero());
	}

	@Test
	void shouldJoinTheBodysPartsAndDecodeThem() {
		StepVerifier.create(body(Flux.just(part("{\"co"), part("de\":"), part("0}")), 100))
			.expectNext("{\"code\":0}")
			.verifyComplete();
	}

	@Test
	void shouldReadAnEmptyBody() {
		StepVerifier.create(body(Flux.empty(), 100)).expectNext("").verifyComplete();
	}

	@Test
	void shouldRefuseABodyOverTheLimitWithoutReadingTheRest() {
		Sinks.Many<DataBuffer> parts = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(body(parts.asFlux(), 10))
			.then(() -> parts.tryEmitNext(part("123456")))
			.then(() -> parts.tryEmitNext(part("7890123")))
			.expectErrorMessage("too large")
			.verify(Duration.ofSeconds(5));

		assertThat(parts.currentSubscriberCount()).as("the rest not read").isZero();
	}

	@Test
	void shouldReleaseWhatArrivedWhenCancelled() {
		Sinks.Many<DataBuffer> parts = Sinks.many().unicast().onBackpressureBuffer();
		StepVerifier.create(body(parts.asFlux(), 100))
			.then(() -> parts.tryEmitNext(part("{\"code\"")))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldReleaseWhatArrivedWhenTheConnectionFails() {
		StepVerifier
			.create(body(Flux.just(part("{\"code\"")).concatWith(Flux.error(new IllegalStateException("reset"))), 100))
			.expectErrorMessage("reset")
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldReleaseABodyThatDoesNotDecode() {
		StepVerifier.create(new ResponseBody<String>(Flux.just(part("<html>")), 100, EMPTY, (buffer) -> {
			try {
				throw new IllegalArgumentException("not JSON");
			}
			finally {
				org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
			}
		}, () -> new IllegalStateException("too large"))).expectErrorMessage("not JSON").verify(Duration.ofSeconds(5));
	}

	/** Reactive Streams rule 2.13, which the TCK checks ({@code ResponseBodySubscriberTckTests}). */
	@Test
	void shouldRefuseANullBufferOrErrorAndReadOn() {
		AtomicReference<Subscriber<? super DataBuffer>> reader = new AtomicReference<>();
		List<Object> passedOn = new CopyOnWriteArrayList<>();
		body(Flux.<DataBuffer>from(reader::set), 100).subscribe(passedOn::add, passedOn::add, () -> passedOn.add("complete"));
		Subscriber<? super DataBuffer> subject = reader.get();
		subject.onSubscribe(Operators.emptySubscription());

		assertThatNullPointerException().isThrownBy(() -> subject.onNext(null));
		assertThatNullPointerException().isThrownBy(() -> subject.onError(null));

		subject.onNext(part("{}"));
		subject.onComplete();
		assertThat(passedOn).containsExactly("{}", "complete");
	}

	private ResponseBody<String> body(Flux<DataBuffer> parts, int maxBytes) {
		return new ResponseBody<>(parts, maxBytes, EMPTY, (buffer) -> {
			try {
				return buffer.toString(StandardCharsets.UTF_8);
			}
			finally {
				org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
			}
		}, () -> new IllegalStateException("too large"));
	}

	private DataBuffer part(String text) {
		ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8));
		this.handedOut.add(buf);
		return this.buffers.wrap(buf);
	}

}
