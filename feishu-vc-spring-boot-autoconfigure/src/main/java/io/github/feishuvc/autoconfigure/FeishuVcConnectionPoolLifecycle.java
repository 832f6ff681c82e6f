package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.SmartLifecycle;

/**
 * Empties the Feishu calls' connection pool when the context stops (a checkpoint and restore, a pause and resume):
 * its connections live on the application's event loops, which stopping the context disposes, and a connection kept
 * past them would fail the first call after the context started again ("event executor terminated"). The pool makes
 * new connections, on the new loops, as calls ask for them.
 */
final class FeishuVcConnectionPoolLifecycle implements SmartLifecycle {

	/** How long stopping waits for the pool's connections to close. */
	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private final ConnectionProvider pool;

	private volatile boolean running;

	FeishuVcConnectionPoolLifecycle(ConnectionProvider pool) {
		this.pool = pool;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		// A connection that cannot close in time, or whose loop is gone already, is dropped with the pool all the same.
		this.pool.disposeLater().onErrorComplete().timeout(CLOSE_TIMEOUT, Mono.empty()).block();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stopped after whatever may still call the platform while stopping (a web server's graceful shutdown, the event
	 * listeners draining, the long connection), all in higher phases, and before the event loops its connections live
	 * on ({@code ReactorResourceFactory}, phase 0).
	 */
	@Override
	public int getPhase() {
		return 1;
	}

}
