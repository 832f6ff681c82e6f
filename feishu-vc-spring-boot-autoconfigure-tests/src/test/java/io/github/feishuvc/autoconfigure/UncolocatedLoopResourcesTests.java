package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UncolocatedLoopResources}.
 */
class UncolocatedLoopResourcesTests {

	private final LoopResources loops = LoopResources.create("uncolocated-test", 2, true);

	@AfterEach
	void disposeLoops() {
		dispose(this.loops);
	}

	@Test
	void shouldHandOutTheLoopsThemselvesToClients() {
		UncolocatedLoopResources view = new UncolocatedLoopResources(() -> this.loops);

		assertThat(this.loops.onClient(true)).as("the default, colocated").isNotSameAs(this.loops.onServer(true));
		assertThat(view.onClient(true)).isSameAs(this.loops.onServer(true));
		assertThat(view.onClient(false)).isSameAs(this.loops.onServer(false));
	}

	@Test
	void shouldHandOutTheLoopsOfTheMomentAtEachConnection() {
		LoopResources[] current = { this.loops };
		UncolocatedLoopResources view = new UncolocatedLoopResources(() -> current[0]);
		LoopResources restarted = LoopResources.create("uncolocated-restarted", 1, true);
		try {
			// As the application's ReactorResourceFactory makes new loops when its context starts again.
			current[0] = restarted;

			assertThat(view.onClient(true)).isSameAs(restarted.onServer(true));
		}
		finally {
			dispose(restarted);
		}
	}

	@Test
	void shouldLeaveTheApplicationsLoopsRunningWhenDisposed() {
		EventLoopGroup group = this.loops.onServer(true);
		UncolocatedLoopResources view = new UncolocatedLoopResources(() -> this.loops);

		view.disposeLater().block();
		view.dispose();

		assertThat(group.isShuttingDown()).isFalse();
	}

	/** At once: with Reactor Netty's default quiet period, each test would wait two seconds for nothing here. */
	private static void dispose(LoopResources loops) {
		loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
	}

}
