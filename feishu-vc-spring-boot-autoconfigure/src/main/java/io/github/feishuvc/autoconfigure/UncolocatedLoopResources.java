package io.github.feishuvc.autoconfigure;

import java.util.function.Supplier;

import io.netty.channel.EventLoopGroup;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The application's event loops, seen by the Feishu client without colocation, and looked up at each connection.
 *
 * <p>Reactor Netty opens a client connection on the event loop of the thread that asks for it. When a tenant
 * token fetch completes, every call that waited for it continues on the one loop that read the token, so the
 * connections those calls open would all live on that loop and serialize the client's I/O on one thread for as
 * long as they stay pooled. Through this view, new connections go round robin over all the loops. The loops
 * stay the application's: disposing this view leaves them running.
 *
 * <p>The loops are asked for at each connection, not once: a context stopped and started again (a checkpoint and
 * restore, a pause and resume) disposes the application's loops ({@code ReactorResourceFactory} stops with it) and
 * makes new ones, and a client that kept the old ones could never connect again.
 */
final class UncolocatedLoopResources implements LoopResources {

	private final Supplier<LoopResources> loops;

	UncolocatedLoopResources(Supplier<LoopResources> loops) {
		this.loops = loops;
	}

	@Override
	public EventLoopGroup onClient(boolean useNative) {
		return this.loops.get().onServer(useNative);
	}

	@Override
	public EventLoopGroup onServer(boolean useNative) {
		return this.loops.get().onServer(useNative);
	}

	@Override
	public Mono<Void> disposeLater() {
		return Mono.empty();
	}

	@Override
	public String toString() {
		return "UncolocatedLoopResources[" + this.loops.get() + "]";
	}

}
