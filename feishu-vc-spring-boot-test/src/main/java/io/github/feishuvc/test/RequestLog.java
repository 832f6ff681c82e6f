package io.github.feishuvc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests that reached the emulated platform, failed ones included: counted per route (an {@link Endpoint}'s
 * name, or a VC endpoint's operation) and recorded, the latest {@value #MAX_RECORDED_REQUESTS}.
 */
final class RequestLog {

	private static final int MAX_RECORDED_REQUESTS = 10_000;

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final ConcurrentLinkedDeque<RecordedRequest> recorded = new ConcurrentLinkedDeque<>();

	private final AtomicInteger recordedSize = new AtomicInteger();

	void record(RecordedRequest request, String route) {
		this.counts.computeIfAbsent(route, (key) -> new AtomicInteger()).incrementAndGet();
		this.recorded.addLast(request);
		if (this.recordedSize.incrementAndGet() > MAX_RECORDED_REQUESTS && this.recorded.pollFirst() != null) {
			this.recordedSize.decrementAndGet();
		}
	}

	int count(String route) {
		AtomicInteger count = this.counts.get(route);
		return (count != null) ? count.get() : 0;
	}

	List<RecordedRequest> all() {
		return new ArrayList<>(this.recorded);
	}

	Optional<RecordedRequest> last(String route) {
		for (var it = this.recorded.descendingIterator(); it.hasNext();) {
			RecordedRequest request = it.next();
			if (route.equals(request.operation()) || route.equals(request.endpoint().name())) {
				return Optional.of(request);
			}
		}
		return Optional.empty();
	}

	void reset() {
		this.recorded.clear();
		this.recordedSize.set(0);
		this.counts.clear();
	}

}
