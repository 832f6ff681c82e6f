package io.github.feishuvc.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import io.github.feishuvc.core.FeishuVcFileResponse;
import io.github.feishuvc.support.Tck;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.reactivestreams.tck.SubscriberWhiteboxVerification;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * The reader of {@link Downloads#stream}, the side that faces the connection, checked by the Reactive Streams TCK as
 * a white box: the verification plays the file's body, and the stream's own subscriber reports what the reader
 * passed on and asks and cancels for the verification, so the demand is the one the stream's subscriber gives.
 */
public class DownloadReaderSubscriberTckTests extends SubscriberWhiteboxVerification<DataBuffer> {

	public DownloadReaderSubscriberTckTests() {
		super(Tck.environment());
	}

	@Override
	public Subscriber<DataBuffer> createSubscriber(WhiteboxSubscriberProbe<DataBuffer> probe) {
		AtomicReference<CoreSubscriber<? super DataBuffer>> reader = new AtomicReference<>();
		Flux<DataBuffer> body = new Flux<>() {

			@Override
			public void subscribe(CoreSubscriber<? super DataBuffer> actual) {
				reader.set(actual);
			}

		};
		BaseSubscriber<DataBuffer> downstream = new BaseSubscriber<>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// The verification asks, through the puppet.
			}

			@Override
			protected void hookOnNext(DataBuffer buffer) {
				probe.registerOnNext(buffer);
			}

			@Override
			protected void hookOnComplete() {
				probe.registerOnComplete();
			}

			@Override
			protected void hookOnError(Throwable ex) {
				probe.registerOnError(ex);
			}

		};
		Downloads.stream((read) -> read.apply(new FeishuVcFileResponse(DownloadStreamPublisherTckTests.INFO,
				"export.xlsx", -1, body)))
			.subscribe(downstream);
		CoreSubscriber<? super DataBuffer> subject = reader.get();
		return new Subscriber<>() {

			@Override
			public void onSubscribe(Subscription subscription) {
				subject.onSubscribe(subscription);
				probe.registerOnSubscribe(new SubscriberPuppet() {

					@Override
					public void triggerRequest(long elements) {
						downstream.request(elements);
					}

					@Override
					public void signalCancel() {
						downstream.cancel();
					}

				});
			}

			@Override
			public void onNext(DataBuffer buffer) {
				subject.onNext(buffer);
			}

			@Override
			public void onError(Throwable ex) {
				subject.onError(ex);
			}

			@Override
			public void onComplete() {
				subject.onComplete();
			}

		};
	}

	@Override
	public DataBuffer createElement(int element) {
		return DefaultDataBufferFactory.sharedInstance.wrap(("bytes " + element).getBytes(StandardCharsets.UTF_8));
	}

}
