package io.github.feishuvc.events;

/**
 * When the platform is told that an event arrived: an event not acknowledged within 3 seconds, or acknowledged with a
 * failure, is pushed again after 15 seconds, 5 minutes, 1 hour and 6 hours, whichever way it arrives.
 */
public enum Acknowledgement {

	/**
	 * Once the event is handed to the listeners' executor: the fastest answer, whatever the listeners take, but an
	 * event whose listener fails, or that was queued on an instance that stopped before its listeners ran, is lost.
	 */
	ON_RECEIPT,

	/**
	 * Once every listener returned: a listener that throws, or that has not returned within the answer's deadline
	 * (2.5 seconds, below the platform's 3), gets the event pushed again. Listeners then see an event at least once,
	 * and use its id to make their effect once. The event is remembered as published only once its listeners
	 * succeeded. While its listeners run, a push again of the event is held back (answered so that the platform
	 * pushes it later) on this instance however long they take, on another instance of a fleet for 10 seconds (its
	 * claim): the platform's push again, 15 seconds after a late answer, is published there if the listeners still run
	 * here.
	 */
	AFTER_LISTENERS

}
