package io.github.feishuvc.report;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which alerts {@link AlertOperations#list} reads: those raised in a window, of every device unless said otherwise.
 * Build one with {@link #between}.
 *
 * @param from the window's start
 * @param to the window's end, after {@code from}
 * @param targetKind only devices of this kind
 * @param targetId only this device: a room's or a room connector's id; needs {@code targetKind}
 */
public record AlertQuery(Instant from, Instant to, @Nullable AlertTargetKind targetKind, @Nullable String targetId) {

	/**
	 * Every alert raised in a window.
	 * @param from the window's start
	 * @param to the window's end
	 * @return the query
	 */
	public static AlertQuery between(Instant from, Instant to) {
		return new AlertQuery(from, to, null, null);
	}

	/**
	 * The same query, for devices of one kind.
	 * @param targetKind the kind
	 * @return the query
	 */
	public AlertQuery of(AlertTargetKind targetKind) {
		return new AlertQuery(this.from, this.to, targetKind, this.targetId);
	}

	/**
	 * The same query, for one device.
	 * @param targetKind its kind
	 * @param targetId its id
	 * @return the query
	 */
	public AlertQuery of(AlertTargetKind targetKind, String targetId) {
		return new AlertQuery(this.from, this.to, targetKind, targetId);
	}

}
