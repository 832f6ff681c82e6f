package io.github.feishuvc.core;

import java.net.ConnectException;
import java.net.UnknownHostException;

/**
 * The call did not complete: the connection could not be made or was dropped, or a timeout expired. The cause is
 * the underlying network exception; a deadline of the client's own is a {@link FeishuVcTimeoutException}.
 */
public class FeishuVcTransportException extends FeishuVcException {

	/** Whether the request was certainly never sent. */
	private final boolean connectFailure;

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param target where it was sent
	 * @param cause the network failure
	 */
	public FeishuVcTransportException(CallInfo info, String target, Throwable cause) {
		super(info, info.operation() + " failed to reach " + target + ": " + describeCause(cause) + "; "
				+ info.describe(), cause);
		this.connectFailure = isConnectFailure(cause);
	}

	/**
	 * Create an exception the client raises itself, with no network exception behind it.
	 * @param info the failed attempt
	 * @param target where the call went
	 * @param reason what happened
	 */
	protected FeishuVcTransportException(CallInfo info, String target, String reason) {
		super(info, info.operation() + " failed to reach " + target + ": " + reason + "; " + info.describe(), null);
		this.connectFailure = false;
	}

	/**
	 * Whether the request was certainly never sent: no connection could be opened (connection refused, connect
	 * timeout, unknown host) or none became free in the pool (too many calls waiting, or the wait timed out);
	 * {@code false} when it may have reached the platform.
	 * @return whether the request was never sent
	 */
	public boolean isConnectFailure() {
		return this.connectFailure;
	}

	private static boolean isConnectFailure(Throwable cause) {
		for (Throwable current = cause; current != null; current = current.getCause()) {
			if (current instanceof ConnectException || current instanceof UnknownHostException
					|| isPoolRefusal(current)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reactor Netty's pool refused a connection: its reactor-pool exceptions are shaded, so they are known by name.
	 */
	private static boolean isPoolRefusal(Throwable ex) {
		String name = ex.getClass().getSimpleName();
		return name.equals("PoolAcquirePendingLimitException") || name.equals("PoolAcquireTimeoutException");
	}

	/** The innermost cause names what happened: {@code ReadTimeoutException}, {@code ConnectException (...)}. */
	private static String describeCause(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

}
