package io.github.feishuvc.core;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import io.github.feishuvc.support.Tck;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberBlackboxVerification;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * {@link ResponseBody}'s reader, the side that faces the connection, checked by the Reactive Streams TCK as a black
 * box: it collects what it receives and passes one value on at the end, so no white box could report each signal.
 */
public class ResponseBodySubscriberTckTests extends SubscriberBlackboxVerification<DataBuffer> {

	public ResponseBodySubscriberTckTests() {
		super(Tck.environment());
	}

	@Override
	@SuppressWarnings("unchecked") // the reader of a body: it takes buffers
	public Subscriber<DataBuffer> createSubscriber() {
		AtomicReference<Subscriber<? super DataBuffer>> reader = new AtomicReference<>();
		// A limit above all the buffers the verification sends.
		ResponseBodyPublisherTckTests.body(reader::set, 1024 * 1024).subscribe(Tck.unboundedDownstream());
		return (Subscriber<DataBuffer>) reader.get();
	}

	@Override
	public DataBuffer createElement(int element) {
		return DefaultDataBufferFactory.sharedInstance.wrap(("part " + element).getBytes(StandardCharsets.UTF_8));
	}

}
