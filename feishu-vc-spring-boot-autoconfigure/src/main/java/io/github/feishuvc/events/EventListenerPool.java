package io.github.feishuvc.events;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The threads event listeners run on, unless the application defines an executor of its own: bounded in threads and
 * in events waiting, so that a slow listener makes the platform deliver events again (the endpoint answers 503, the
 * long connection acknowledges a failure) rather than grow the heap; and drained when the application stops, so that
 * an event acknowledged to the platform is not lost with the instance.
 *
 * <p>A {@link SmartLifecycle} that stops after the web server and the long connection (phase {@link #PHASE}): by then
 * no event arrives, and the ones handed over are handled, for up to the shutdown timeout. Started again (a context
 * stopped and started, as a checkpoint and restore or a pause and resume do), it takes events on new threads. It is
 * deliberately no {@link java.util.concurrent.Executor} bean, which would switch Boot's
 * {@code applicationTaskExecutor} off.
 */
public final class EventListenerPool implements SmartLifecycle {

	/** After the web server's graceful shutdown and stop, and after the long connection. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(EventListenerPool.class);

	private final int threads;

	private final int queueCapacity;

	private final Duration shutdownTimeout;

	private final AtomicInteger threadCount = new AtomicInteger();

	/** The threads of this run: a stop shuts them down for good, so a start after it needs new ones. */
	private volatile ThreadPoolExecutor pool;

	private volatile boolean running;

	/**
	 * Create the pool; its threads start as events arrive and end when idle for a minute.
	 * @param threads how many listeners run at once
	 * @param queueCapacity how many events may wait for a thread; {@code 0} for none
	 * @param shutdownTimeout how long stopping waits for the events handed over to be handled
	 */
	public EventListenerPool(int threads, int queueCapacity, Duration shutdownTimeout) {
		Assert.isTrue(threads > 0, "threads must be positive");
		Assert.isTrue(queueCapacity >= 0, "queueCapacity must not be negative");
		Assert.isTrue(!shutdownTimeout.isNegative(), "shutdownTimeout must not be negative");
		this.threads = threads;
		this.queueCapacity = queueCapacity;
		this.shutdownTimeout = shutdownTimeout;
		this.pool = newPool();
	}

	private ThreadPoolExecutor newPool() {
		BlockingQueue<Runnable> queue = (this.queueCapacity > 0) ? new ArrayBlockingQueue<>(this.queueCapacity)
				: new SynchronousQueue<>();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(this.threads, this.threads, 1, TimeUnit.MINUTES, queue,
				(task) -> {
					Thread thread = new Thread(task, "feishu-vc-events-" + this.threadCount.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * Run a listener's work.
	 * @param task the work
	 * @throws RejectedExecutionException if every thread is busy and the queue full, or the pool has stopped
	 */
	public void execute(Runnable task) {
		this.pool.execute(task);
	}

	/** Takes events again, on new threads, if it was stopped. */
	@Override
	public synchronized void start() {
		if (this.pool.isShutdown()) {
			this.pool = newPool();
		}
		this.running = true;
	}

	/** Takes no more events, and waits for those handed over, up to the shutdown timeout. */
	@Override
	public synchronized void stop() {
		this.running = false;
		ThreadPoolExecutor stopping = this.pool;
		stopping.shutdown();
		try {
			if (!stopping.awaitTermination(this.shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Feishu event listeners still running after " + this.shutdownTimeout.toMillis() + "ms; "
						+ stopping.getQueue().size() + " event(s) not handed to them are lost");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public String toString() {
		ThreadPoolExecutor current = this.pool;
		return "EventListenerPool[threads=" + this.threads + ", queued=" + current.getQueue().size() + ", stopped="
				+ current.isShutdown() + "]";
	}

}
