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

	/** Queued faults by route: an {@link Endpoint}'s name, or a VC endpoint's operation. */
	private final Map<String, Queue<Fault>> queued = new ConcurrentHashMap<>();

	private volatile double rate;

	private volatile List<Fault> random = List.of();

	void failNext(String route, Fault fault, int times) {
		Queue<Fault> queue = this.queued.computeIfAbsent(route, (key) -> new ConcurrentLinkedQueue<>());
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

	@Nullable Fault next(String route) {
		Queue<Fault> queue = this.queued.get(route);
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
