package io.github.feishuvc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Immutable, null-free copies of the lists the platform sends and the lists callers pass: what the models of every
 * API use.
 */
public final class Lists {

	private Lists() {
	}

	/**
	 * The platform's list, immutable and without nulls.
	 * @param <T> the element type
	 * @param list the list as decoded, possibly {@code null}
	 * @return the copy, empty for {@code null}
	 */
	public static <T> List<T> immutable(@Nullable List<? extends @Nullable T> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		// A loop, not a stream: every decoded reservation passes through here several times.
		List<T> items = new ArrayList<>(list.size());
		for (T item : list) {
			if (item != null) {
				items.add(item);
			}
		}
		return Collections.unmodifiableList(items);
	}

	/**
	 * A caller's list, copied.
	 * @param <T> the element type
	 * @param list the list
	 * @param name the parameter's name, for the error
	 * @return the copy
	 * @throws IllegalArgumentException naming the parameter if the list or an element is {@code null}
	 */
	public static <T> List<T> required(@Nullable List<T> list, String name) {
		if (list == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
		return copy(list, name);
	}

	/**
	 * A caller's optional list, copied; {@code null} stays {@code null} (not sent).
	 * @param <T> the element type
	 * @param list the list, or {@code null}
	 * @param name the parameter's name, for the error
	 * @return the copy, or {@code null}
	 * @throws IllegalArgumentException naming the parameter if an element is {@code null}
	 */
	public static <T> @Nullable List<T> optional(@Nullable List<T> list, String name) {
		return (list != null) ? copy(list, name) : null;
	}

	private static <T> List<T> copy(List<T> list, String name) {
		for (T item : list) {
			if (item == null) {
				throw new IllegalArgumentException(name + " must not contain null");
			}
		}
		return List.copyOf(list);
	}

}
