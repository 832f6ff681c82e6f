package io.github.feishuvc.core;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What the observation of one Feishu call ({@code feishu.vc.client}) knows about it: the operation, how many
 * attempts it made, and how it ended.
 */
public class FeishuVcObservationContext extends Observation.Context {

	private final String operation;

	private int attempts;

	private boolean succeeded;

	private boolean cancelled;

	/**
	 * Create the context of one call.
	 * @param operation the operation, such as {@code reserve.get}
	 */
	public FeishuVcObservationContext(String operation) {
		this.operation = operation;
	}

	/**
	 * The operation, such as {@code reserve.get} or {@code auth.tenant_access_token}.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * How many attempts the call has made so far.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	void attempted() {
		this.attempts++;
	}

	/**
	 * Whether the call returned its payload.
	 * @return whether it succeeded
	 */
	public boolean isSucceeded() {
		return this.succeeded;
	}

	void succeeded() {
		this.succeeded = true;
	}

	/**
	 * Whether the caller cancelled the call before it ended.
	 * @return whether it was cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	void cancelled() {
		this.cancelled = true;
	}

	/**
	 * The platform's code of the failure, if the platform answered with one.
	 * @return the code, or {@code null}
	 */
	public @Nullable Integer getCode() {
		return (getError() instanceof FeishuVcApiException failure) ? failure.code() : null;
	}

}
