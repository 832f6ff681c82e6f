package io.github.feishuvc.events.longconnection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the long connection is doing, as the health indicator shows it.
 *
 * @param status the connection's status
 * @param since when it took that status
 * @param reason why it is not connected, if it is not and a reason is known
 * @param received events received in full since the application started
 * @param acknowledged events acknowledged as handed to the listeners
 */
public record LongConnectionState(Status status, Instant since, @Nullable String reason, long received,
		long acknowledged) {

	/** The status of the long connection. */
	public enum Status {

		/** Not started, or stopped with the application. */
		STOPPED,

		/** Asking for the URL, or opening the connection. */
		CONNECTING,

		/** Open: events arrive. */
		CONNECTED,

		/** Dropped: waiting to connect again. */
		RECONNECTING,

		/** Refused for good (a wrong secret, the limit of connections): no new attempt is made. */
		REFUSED

	}

}
