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
 * @param down whether no event can arrive for now: refused for good, or attempts have failed for longer than the
 * grace period ({@code feishu.vc.events.long-connection.down-after})
 */
public record LongConnectionState(Status status, Instant since, @Nullable String reason, long received,
		long acknowledged, boolean down) {

	/** The status of the long connection. */
	public enum Status {

		/** Not started, or stopped with the application. */
		STOPPED,

		/** Asking for the URL, or opening the connection. */
		CONNECTING,

		/** Open: events arrive. */
		CONNECTED,

		/** Dropped, or an attempt failed: waiting to try again. */
		RECONNECTING,

		/** Refused for good (a wrong secret, an app the platform does not serve this way): no new attempt is made. */
		REFUSED

	}

}
