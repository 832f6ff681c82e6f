package io.github.feishuvc.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls this suite allows on a non-blocking thread (a Reactor Netty event loop, a parallel scheduler),
 * each with why it is safe. BlockHound is installed for every test of this module by its JUnit Platform listener,
 * which loads this integration (see {@code META-INF/services}); any other blocking call on such a thread fails the
 * test that made it with a {@code BlockingOperationError}. Before adding an allowance, move the work off the thread
 * (disk and other blocking work belong on {@code Schedulers.boundedElastic()}): an allowance is for a call in code
 * we do not control that blocks briefly and once, never for our own.
 */
public final class BlockHoundAllowances implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
	}

}
