package io.github.feishuvc.events.webhook;

/**
 * Told of every request the event endpoint refuses, with the reason the sender is never told; the auto-configuration
 * counts them as {@code feishu.vc.events.refused} when Micrometer is there. Called on the request's thread: keep it
 * quick.
 */
@FunctionalInterface
public interface RefusalListener {

	/**
	 * A request was refused.
	 * @param reason why
	 */
	void refused(RefusalReason reason);

}
