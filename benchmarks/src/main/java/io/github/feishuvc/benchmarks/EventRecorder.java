package io.github.feishuvc.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.feishuvc.events.FeishuEvent;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.web.server.WebFilter;

/**
 * When each event was received and first handled, by its sequence number: the listener of every instance, and the
 * webhook's receipt filter.
 */
final class EventRecorder implements ApplicationListener<ApplicationEvent> {

	private final AtomicLongArray received;

	private final AtomicLongArray handled;

	private final AtomicInteger handledCount = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	private volatile long lastHandled;

	EventRecorder(int events) {
		this.received = new AtomicLongArray(events);
		this.handled = new AtomicLongArray(events);
	}

	WebFilter receipts() {
		return (exchange, chain) -> {
			String seq = exchange.getRequest().getHeaders().getFirst(EventsBenchmark.SEQ_HEADER);
			if (seq != null) {
				received(Integer.parseInt(seq));
			}
			return chain.filter(exchange);
		};
	}

	void received(int seq) {
		this.received.compareAndSet(seq, 0, System.nanoTime());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof FeishuEvent feishu
				&& feishu.type().equals(EventsBenchmark.EVENT_TYPE)) {
			String json = feishu.json();
			int at = json.indexOf(EventsBenchmark.SEQ_FIELD) + EventsBenchmark.SEQ_FIELD.length();
			int end = at;
			while (end < json.length() && Character.isDigit(json.charAt(end))) {
				end++;
			}
			handled(Integer.parseInt(json, at, end, 10));
		}
	}

	void handled(int seq) {
		long now = System.nanoTime();
		if (this.handled.compareAndSet(seq, 0, now)) {
			this.lastHandled = now;
			this.handledCount.incrementAndGet();
		}
		else {
			this.duplicates.incrementAndGet();
		}
	}

	void await(int count) throws InterruptedException {
		long deadline = System.nanoTime() + EventsBenchmark.HANDLING_WAIT.toNanos();
		while (this.handledCount.get() < count && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
	}

	EventsBenchmark.Result result(String transport, String mode, int instances, String offered, int from, int events, long start,
			int errors) {
		long[] latencies = new long[events];
		int handledCount = 0;
		long last = start;
		for (int seq = from; seq < from + events; seq++) {
			long handledAt = this.handled.get(seq);
			if (handledAt != 0) {
				latencies[handledCount++] = handledAt - this.received.get(seq);
				last = Math.max(last, handledAt);
			}
		}
		long[] sorted = Arrays.copyOf(latencies, handledCount);
		Arrays.sort(sorted);
		double seconds = (last - start) / 1e9;
		return new EventsBenchmark.Result(transport, mode, instances, offered, handledCount, handledCount / seconds,
				percentile(sorted, 0.50), percentile(sorted, 0.99), (handledCount > 0) ? sorted[handledCount - 1] : 0,
				errors, this.duplicates.get());
	}

	private static long percentile(long[] sorted, double quantile) {
		return (sorted.length == 0) ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
	}

}
