package io.github.feishuvc.meeting;

import org.jspecify.annotations.Nullable;

/**
 * One meeting {@link MeetingOperations#search} found ({@code meeting_search_item}).
 *
 * @param id the meeting's id, which {@link MeetingOperations#get(String)} takes
 * @param displayInfo a card of its basic information, the matched text wrapped in tags
 * @param metaData links and a description
 */
public record MeetingSearchItem(@Nullable String id, @Nullable String displayInfo, @Nullable Meta metaData) {

	/**
	 * A found meeting's links and description ({@code meeting_meta}).
	 *
	 * @param appLink a link that opens the meeting's page in the Feishu app
	 * @param avatar the icon's URL
	 * @param description its time, organiser and number
	 */
	public record Meta(@Nullable String appLink, @Nullable String avatar, @Nullable String description) {
	}

}
