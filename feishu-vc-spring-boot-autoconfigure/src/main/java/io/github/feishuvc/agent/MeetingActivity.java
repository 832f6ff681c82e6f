package io.github.feishuvc.agent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * What happened in a meeting ({@code meeting_activity_item}): one kind of activity, its items in the list of that kind,
 * the others empty. The same shape in {@code GET /bots/events} (an {@link AgentMeetingEvent}'s payload) and in
 * {@code vc.bot.meeting_activity_v1}. Times of the items are unix milliseconds, as the platform sends them.
 *
 * @param meeting the meeting
 * @param activityEventType the kind: {@code participant_joined}, {@code participant_left},
 * {@code transcript_received}, {@code chat_received}, {@code magic_share_started}, {@code magic_share_ended},
 * {@code document_context_changed}, or one this version does not know
 * @param participantJoinedItems people who joined
 * @param participantLeftItems people who left
 * @param transcriptReceivedItems what was said (subtitles); a sentence may come again, revised, under its id
 * @param chatReceivedItems chat messages
 * @param magicShareStartedItems documents shared (妙享)
 * @param magicShareEndedItems document sharing ended
 * @param documentContextChangedItems where a shared document's viewers are
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MeetingActivity(@Nullable AgentMeeting meeting, @Nullable String activityEventType,
		List<ParticipantJoined> participantJoinedItems, List<ParticipantLeft> participantLeftItems,
		List<TranscriptReceived> transcriptReceivedItems, List<ChatReceived> chatReceivedItems,
		List<MagicShareStarted> magicShareStartedItems, List<MagicShareEnded> magicShareEndedItems,
		List<DocumentContextChanged> documentContextChangedItems) {

	/**
	 * Create the activity; the lists are copied.
	 * @param meeting the meeting
	 * @param activityEventType the kind
	 * @param participantJoinedItems people who joined
	 * @param participantLeftItems people who left
	 * @param transcriptReceivedItems what was said
	 * @param chatReceivedItems chat messages
	 * @param magicShareStartedItems documents shared
	 * @param magicShareEndedItems document sharing ended
	 * @param documentContextChangedItems where a shared document's viewers are
	 */
	public MeetingActivity {
		participantJoinedItems = Lists.immutable(participantJoinedItems);
		participantLeftItems = Lists.immutable(participantLeftItems);
		transcriptReceivedItems = Lists.immutable(transcriptReceivedItems);
		chatReceivedItems = Lists.immutable(chatReceivedItems);
		magicShareStartedItems = Lists.immutable(magicShareStartedItems);
		magicShareEndedItems = Lists.immutable(magicShareEndedItems);
		documentContextChangedItems = Lists.immutable(documentContextChangedItems);
	}

	/**
	 * Someone joined.
	 *
	 * @param participant who
	 * @param joinTime when (unix milliseconds)
	 */
	public record ParticipantJoined(@Nullable AgentUser participant, @Nullable Long joinTime) {
	}

	/**
	 * Someone left.
	 *
	 * @param participant who
	 * @param leaveReason why (the platform's CLI reads 1 by themselves, 2 the meeting ended, 3 removed)
	 * @param leaveTime when (unix milliseconds)
	 */
	public record ParticipantLeft(@Nullable AgentUser participant, @Nullable Integer leaveReason,
			@Nullable Long leaveTime) {
	}

	/**
	 * Something said, as a subtitle.
	 *
	 * @param speaker who said it
	 * @param text what
	 * @param language its language, such as {@code zh}
	 * @param startTimeMs when it began (unix milliseconds)
	 * @param endTimeMs when it ended (unix milliseconds)
	 * @param sentenceId the sentence's id: a revised sentence comes again under it (keep the latest)
	 */
	public record TranscriptReceived(@Nullable AgentUser speaker, @Nullable String text, @Nullable String language,
			@Nullable Long startTimeMs, @Nullable Long endTimeMs, @Nullable String sentenceId) {
	}

	/**
	 * A chat message.
	 *
	 * @param operator who sent it
	 * @param messageId its id
	 * @param messageType its kind (the platform's CLI reads 1 text, 2 system, 3 reaction, 4 encrypted)
	 * @param content the text, or the reaction's key
	 * @param sendTime when (unix milliseconds)
	 */
	public record ChatReceived(@Nullable AgentUser operator, @Nullable String messageId, @Nullable Integer messageType,
			@Nullable String content, @Nullable Long sendTime) {
	}

	/**
	 * A document shared.
	 *
	 * @param operator who shared it
	 * @param shareId the sharing's id
	 * @param shareDoc the document
	 * @param time when (unix milliseconds)
	 */
	public record MagicShareStarted(@Nullable AgentUser operator, @Nullable String shareId,
			@Nullable SharedDocument shareDoc, @Nullable Long time) {
	}

	/**
	 * A document's sharing ended.
	 *
	 * @param operator who ended it
	 * @param shareId the sharing's id
	 * @param time when (unix milliseconds)
	 */
	public record MagicShareEnded(@Nullable AgentUser operator, @Nullable String shareId, @Nullable Long time) {
	}

	/**
	 * Where the viewers of a shared document are: a comment focused, a section, an element opened.
	 *
	 * @param operator who moved
	 * @param shareId the sharing's id
	 * @param shareDoc the document
	 * @param time when (unix milliseconds)
	 * @param commentFocus the comment focused
	 * @param sectionLocation the section shown
	 * @param elementPreview the element opened or closed
	 */
	public record DocumentContextChanged(@Nullable AgentUser operator, @Nullable String shareId,
			@Nullable SharedDocument shareDoc, @Nullable Long time, @Nullable CommentFocus commentFocus,
			@Nullable SectionLocation sectionLocation, @Nullable ElementPreview elementPreview) {
	}

	/**
	 * A shared document.
	 *
	 * @param url its URL
	 * @param title its title
	 */
	public record SharedDocument(@Nullable String url, @Nullable String title) {
	}

	/**
	 * A comment focused, or no longer.
	 *
	 * @param commentId the comment
	 * @param focused whether it is focused
	 */
	public record CommentFocus(@Nullable String commentId, @Nullable Boolean focused) {
	}

	/**
	 * A section of a document.
	 *
	 * @param title its title
	 * @param level its heading level
	 * @param parentTitles the titles of the sections it is in
	 */
	public record SectionLocation(@Nullable String title, @Nullable Integer level, List<String> parentTitles) {

		/**
		 * Create the location; the list is copied.
		 * @param title its title
		 * @param level its heading level
		 * @param parentTitles the titles of the sections it is in
		 */
		public SectionLocation {
			parentTitles = Lists.immutable(parentTitles);
		}

	}

	/**
	 * An element of a document opened or closed.
	 *
	 * @param action {@code open} or {@code close}
	 * @param elementType such as {@code image} or {@code whiteboard}
	 * @param elementToken the element's token
	 * @param blockId its block
	 */
	public record ElementPreview(@Nullable String action, @Nullable String elementType, @Nullable String elementToken,
			@Nullable String blockId) {
	}

}
