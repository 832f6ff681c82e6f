package io.github.feishuvc.test;

/**
 * How the application answered an event {@link FeishuVcEmulator} pushed to its event URL.
 *
 * @param status the HTTP status of the answer, {@code 0} if none arrived (connection refused, timeout)
 * @param body the body of the answer, or what went wrong when none arrived
 */
public record EventDelivery(int status, String body) {

	/**
	 * Whether the application accepted the event (HTTP 2xx).
	 * @return whether it was accepted
	 */
	public boolean accepted() {
		return this.status >= 200 && this.status < 300;
	}

}
