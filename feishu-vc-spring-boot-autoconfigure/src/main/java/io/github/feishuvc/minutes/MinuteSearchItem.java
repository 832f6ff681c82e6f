package io.github.feishuvc.minutes;

import org.jspecify.annotations.Nullable;

/**
 * One minute {@link MinuteOperations#search} found ({@code minutes_search_item}).
 *
 * @param token the minute's token, which the other operations take
 * @param displayInfo a card of it, the matched keyword wrapped in tags
 * @param metaData its link, cover and description
 */
public record MinuteSearchItem(@Nullable String token, @Nullable String displayInfo, @Nullable Meta metaData) {

	/**
	 * A found minute's link, cover and description.
	 *
	 * @param appLink its link, which {@link MinuteLinks#token} reads
	 * @param avatar its cover's URL
	 * @param description its description
	 */
	public record Meta(@Nullable String appLink, @Nullable String avatar, @Nullable String description) {
	}

}
