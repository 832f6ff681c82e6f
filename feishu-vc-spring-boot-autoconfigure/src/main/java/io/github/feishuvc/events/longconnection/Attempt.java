package io.github.feishuvc.events.longconnection;

/**
 * One attempt to connect, of one generation, and whether its connection proved alive (anything arrived down it). The
 * connection counts only the end of its current generation's attempt: an older one's late end changes nothing.
 */
final class Attempt {

	final long generation;

	volatile boolean alive;

	Attempt(long generation) {
		this.generation = generation;
	}

}
