package io.github.feishuvc.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * A fake clock for waits: records every delay asked of it and runs the task at once, so tests see how long the code
 * would have waited without waiting.
 */
public final class RecordingScheduler implements Scheduler {

	private final List<Duration> delays = new CopyOnWriteArrayList<>();

	public List<Duration> delays() {
		return this.delays;
	}

	@Override
	public Disposable schedule(Runnable task) {
		task.run();
		return Disposables.disposed();
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		this.delays.add(Duration.ofNanos(unit.toNanos(delay)));
		return schedule(task);
	}

	@Override
	public Worker createWorker() {
		Disposable.Composite tasks = Disposables.composite();
		return new Worker() {

			@Override
			public Disposable schedule(Runnable task) {
				return RecordingScheduler.this.schedule(task);
			}

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				return RecordingScheduler.this.schedule(task, delay, unit);
			}

			@Override
			public void dispose() {
				tasks.dispose();
			}

		};
	}

}
