package io.github.feishuvc.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list the platform answers in pages.
 *
 * @param <E> the element type
 * @param items the page's items
 * @param pageToken the token of the next page, when there are more
 * @param hasMore whether there are more
 * @see FeishuApiCaller#pages
 */
public record Page<E>(List<E> items, @Nullable String pageToken, boolean hasMore) {

	/**
	 * Keep an unmodifiable copy of the items.
	 * @param items the page's items
	 * @param pageToken the token of the next page
	 * @param hasMore whether there are more
	 */
	public Page {
		items = List.copyOf(items);
	}

}
