package io.github.feishuvc.test;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Which fault, if any, the next request gets: queued one-shot faults per endpoint first, then random ones at a
 * configured rate.
 */
final class Faults {

	private final Map<Endpoint, Queue<Fault>> queued = new ConcurrentHashMap<>();

	private volatile double rate;

	private volatile List<Fault> random = List.of();

	void failNext(Endpoint endpoint, Fault fault, int times) {
		Queue<Fault> queue = this.queued.computeIfAbsent(endpoint, (key) -> new ConcurrentLinkedQueue<>());
		for (int i = 0; i < times; i++) {
			queue.add(fault);
		}
	}

	void inject(double rate, List<Fault> faults) {
		this.random = List.copyOf(faults);
		this.rate = rate;
	}

	void clear() {
		this.rate = 0;
		this.random = List.of();
		this.queued.clear();
	}

	@Nullable Fault next(Endpoint endpoint) {
		Queue<Fault> queue = this.queued.get(endpoint);
		Fault fault = (queue != null) ? queue.poll() : null;
		if (fault != null) {
			return fault;
		}
		List<Fault> candidates = this.random;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (candidates.isEmpty() || random.nextDouble() >= this.rate) {
			return null;
		}
		return candidates.get(random.nextInt(candidates.size()));
	}

}
