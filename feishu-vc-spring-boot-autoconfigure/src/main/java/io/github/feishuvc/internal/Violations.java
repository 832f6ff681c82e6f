package io.github.feishuvc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a request breaks, collected so that one {@link IllegalArgumentException} names them all, each by its
 * field: how every API refuses bad input before anything is sent.
 */
public final class Violations {

	private final String requestName;

	private final List<String> messages = new ArrayList<>();

	/**
	 * Start checking a request.
	 * @param requestName what is checked, for the message, such as {@code ReserveApplyRequest}
	 */
	public Violations(String requestName) {
		this.requestName = requestName;
	}

	/**
	 * A rule broken.
	 * @param message what is wrong, naming the field
	 */
	public void add(String message) {
		this.messages.add(message);
	}

	/**
	 * A rule broken if {@code violated}.
	 * @param violated whether the rule is broken
	 * @param message what is wrong, naming the field
	 */
	public void addIf(boolean violated, String message) {
		if (violated) {
			add(message);
		}
	}

	/**
	 * Refuse the request if it broke a rule.
	 * @throws IllegalArgumentException naming every rule broken
	 */
	public void throwIfAny() {
		if (!this.messages.isEmpty()) {
			throw new IllegalArgumentException("Invalid " + this.requestName + ": " + String.join("; ", this.messages));
		}
	}

}
