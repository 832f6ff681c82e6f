package io.github.feishuvc.minutes;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A minute's AI artifacts ({@code GET /minutes/:minute_token/artifacts}): its summary, chapters and todos, as the
 * documentation lists them, and its keywords and whole transcript, which only the SDKs declare. Not the AI note, a
 * document of its own ({@link Minute#noteId()}).
 *
 * @param summary the AI summary
 * @param minuteChapters the chapters, as the platform orders them
 * @param minuteTodos the todos
 * @param keywords recommended keywords (SDKs only)
 * @param transcript the whole verbatim transcript as text (SDKs only; may be absent)
 */
public record MinuteArtifacts(@Nullable String summary, List<Chapter> minuteChapters, List<Todo> minuteTodos,
		List<String> keywords, @Nullable String transcript) {

	/**
	 * Create the artifacts; the lists are copied.
	 * @param summary the AI summary
	 * @param minuteChapters the chapters, as the platform orders them
	 * @param minuteTodos the todos
	 * @param keywords recommended keywords
	 * @param transcript the whole verbatim transcript as text
	 */
	public MinuteArtifacts {
		minuteChapters = Lists.immutable(minuteChapters);
		minuteTodos = Lists.immutable(minuteTodos);
		keywords = Lists.immutable(keywords);
	}

	/**
	 * One AI chapter; its times are offsets inside the recording, not dates.
	 *
	 * @param title its title
	 * @param start where it starts in the recording ({@code start_ms})
	 * @param stop where it ends in the recording ({@code stop_ms})
	 * @param summaryContent its digest (decisions, action items)
	 */
	public record Chapter(@Nullable String title, @JsonProperty("start_ms") @Nullable Duration start,
			@JsonProperty("stop_ms") @Nullable Duration stop, @Nullable String summaryContent) {
	}

	/**
	 * One AI todo.
	 *
	 * @param content what is to be done
	 * @param assignees who is to do it: display names in the platform's example, not user ids
	 * @param done whether it is done (SDKs only)
	 * @param todoId its id (SDKs only)
	 * @param operation the SDKs' "operator" of the todo, whose meaning in an answer is not documented
	 */
	public record Todo(@Nullable String content, List<String> assignees,
			@JsonProperty("is_done") @Nullable Boolean done, @Nullable String todoId, @Nullable String operation) {

		/**
		 * Create the todo; the list is copied.
		 * @param content what is to be done
		 * @param assignees who is to do it
		 * @param done whether it is done
		 * @param todoId its id
		 * @param operation the SDKs' "operator" of the todo
		 */
		public Todo {
			assignees = Lists.immutable(assignees);
		}

	}

}
