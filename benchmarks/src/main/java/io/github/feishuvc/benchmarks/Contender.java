package io.github.feishuvc.benchmarks;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * A way of fetching the reference reservation: reactive (many calls in flight on few threads) or blocking (one call
 * per thread).
 */
sealed interface Contender extends AutoCloseable permits Contender.Reactive, Contender.Blocking {

	String name();

	@Override
	void close();

	/** A contender whose calls are {@link Mono}s. */
	record Reactive(String name, Supplier<Mono<?>> call, Runnable closer) implements Contender {

		@Override
		public void close() {
			this.closer.run();
		}

	}

	/** A contender whose calls block their thread. */
	record Blocking(String name, Callable<?> call, Runnable closer) implements Contender {

		@Override
		public void close() {
			this.closer.run();
		}

	}

}
