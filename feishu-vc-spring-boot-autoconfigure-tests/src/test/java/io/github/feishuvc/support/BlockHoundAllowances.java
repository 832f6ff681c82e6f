package io.github.feishuvc.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
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
		// Spring Security's WebFlux sign-in draws each authorization request's state and nonce from a SecureRandom on
		// the event loop serving /oauth2/authorization/{id}; the JDK's default (NativePRNG) refills its buffer from
		// /dev/urandom, a read that never waits (the kernel's pool does not block once seeded at boot). Not our code,
		// and the same in every WebFlux application that signs users in.
		builder.allowBlockingCallsInside("org.springframework.security.crypto.keygen.SecureRandomBytesKeyGenerator",
				"generateKey");
		// Spring Data Redis hands out its shared reactive connection under a lock at every operation, and Lettuce takes
		// a lock around each write to the channel: held for a read of a field or a write to a buffer, they park a thread
		// only when another holds them at that instant, which a loaded machine shows now and then. The one way either
		// could wait long, making the connection, happens at start-up (the starter's warm-up) or, in an outage, on
		// Schedulers.boundedElastic() (RedisAvailability's probe), never on these threads.
		builder.allowBlockingCallsInside(
				"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
				"getSharedReactiveConnection");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
		builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
		// Netty's adaptive allocator adds a magazine under a lock when threads contend for buffers, as a client opening
		// a connection to each node of a Redis Cluster at once does: held for the few writes that add it. Netty's own
		// code, on the threads it is meant for.
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
		// Cancelling a periodic task (a Flux.interval, such as the renewal of a shared token's fetch lock, which ends on
		// the thread of the Redis reply that ends the fetch) takes the timer queue's lock for the removal, as Reactor
		// allows for its one-off tasks (SchedulerTask and WorkerTask dispose) but not yet for this one.
		builder.allowBlockingCallsInside("reactor.core.scheduler.PeriodicWorkerTask", "dispose");
		// The error may be caught on its way (a server answers 500, an error is dropped): the stack is printed first,
		// so that the test's log names the call whatever becomes of the error.
		builder.blockingMethodCallback((method) -> {
			BlockingOperationError error = new BlockingOperationError(method);
			System.err.println("BlockHound: blocking call on " + Thread.currentThread().getName());
			error.printStackTrace();
			throw error;
		});
	}

}
