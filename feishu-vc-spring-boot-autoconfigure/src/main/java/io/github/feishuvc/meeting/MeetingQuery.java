package io.github.feishuvc.meeting;

/**
 * What {@link MeetingOperations#get(String, MeetingQuery)} returns beyond the meeting itself.
 *
 * @param withParticipants whether to include the participants (with {@code user_id} ids, Feishu users only)
 * @param withMeetingAbility whether to include what was used in the meeting; with the app's tenant access token only
 */
public record MeetingQuery(boolean withParticipants, boolean withMeetingAbility) {

	/**
	 * The participants as well.
	 * @return the query
	 */
	public static MeetingQuery participants() {
		return new MeetingQuery(true, false);
	}

	/**
	 * The participants and what was used in the meeting.
	 * @return the query
	 */
	public static MeetingQuery everything() {
		return new MeetingQuery(true, true);
	}

}
