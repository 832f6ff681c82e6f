package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import io.github.feishuvc.events.EventListenerPool;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeishuVcConnectionPoolLifecycle} empties the Feishu calls' pool when the context stops, so that no connection
 * outlives the event loops it lives on: after whatever still calls the platform while stopping (the event listeners
 * draining), and only the starter's own pool, never one the application defined (review of issue 35).
 */
class ConnectionPoolLifecycleTests {

	private final FeishuVcEmulator emulator = FeishuVcEmulator.start();

	private final ApplicationContextRunner runner = TestFeishu.contextRunner(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldLeaveNoConnectionInThePoolOnceStoppedEvenOneAListenerDrainingAtTheStopMade() {
		this.runner.withBean(DrainingListener.class).run((context) -> {
			ReserveOperations reserves = context.getBean(ReserveOperations.class);
			assertThat(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block(Duration.ofSeconds(10))).isNotNull();

			context.stop();

			assertThat(context.getBean(DrainingListener.class).called).as("the draining listener's call").isTrue();
			assertThat(context.getBean("feishuVcConnectionProvider", ConnectionProvider.class).isDisposed())
				.as("the pool emptied, with no connection kept past the event loops it lives on")
				.isTrue();
		});
	}

	@Test
	void shouldLeaveAPoolTheApplicationDefinedToTheApplication() {
		ConnectionProvider own = ConnectionProvider.create("the-applications-own", 5);
		try {
			this.runner.withBean("feishuVcConnectionProvider", ConnectionProvider.class, () -> own)
				.run((context) -> {
					ReserveOperations reserves = context.getBean(ReserveOperations.class);
					assertThat(reserves.get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block(Duration.ofSeconds(10)))
						.isNotNull();
					assertThat(own.isDisposed()).isFalse();

					context.stop();

					assertThat(own.isDisposed()).as("the application's own pool, disposed by the starter").isFalse();
				});
		}
		finally {
			own.dispose();
		}
	}

	/**
	 * A listener still handling an event when the context stops, as {@link EventListenerPool} lets it (it drains in
	 * its phase): it calls the platform.
	 */
	static class DrainingListener implements SmartLifecycle {

		private final ObjectProvider<ReserveOperations> reserves;

		private volatile boolean running;

		volatile boolean called;

		DrainingListener(ObjectProvider<ReserveOperations> reserves) {
			this.reserves = reserves;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.called = this.reserves.getObject()
				.get(FeishuVcEmulator.REFERENCE_RESERVE_ID)
				.block(Duration.ofSeconds(10)) != null;
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return EventListenerPool.PHASE;
		}

	}

}
