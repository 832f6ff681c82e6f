package io.github.feishuvc.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.internal.MeetingApis;
import io.github.feishuvc.internal.NoteApis;
import io.github.feishuvc.test.EmulatedNotes.StoredNote;
import io.github.feishuvc.test.Replies.Reply;
import io.github.feishuvc.test.StoredMeeting.Participant;
import io.github.feishuvc.test.StoredMeeting.Utterance;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.feishuvc.test.EmulatedJson.first;

/**
 * What was said in a meeting ({@link FeishuVcEmulator#meetings()}{@code .say(...)}), as the platform serves it: the
 * meeting's subtitles ({@code pull_subtitle}, for a user who attended and any device, in pages of at most 50) and its
 * unified note's transcript ({@code unified_note_transcript}, by a reader of the note, in pages of at most
 * {@value #TRANSCRIPT_PAGE} paragraphs whatever is asked, so that a test's transcript spans several pages; the
 * platform's largest page is not documented). A note that is not unified is refused with {@code 121002 not support},
 * as a third-party client saw the platform answer. A speaker renamed by {@code change_name} is shown by that name.
 */
final class EmulatedTranscripts implements VcRoutes.Endpoints {

	/** The most paragraphs one page of a transcript holds. */
	static final int TRANSCRIPT_PAGE = 10;

	private static final int MAX_SUBTITLE_PAGE = 50;

	/** Cursors are numbers beyond 2^53, as a third-party client saw them: a client must keep them as text. */
	private static final long CURSOR_BASE = 9_007_199_254_740_993L;

	private final EmulatedMeetings meetings;

	private final EmulatedNotes notes;

	private final MeetingRules rules;

	private final Replies replies;

	EmulatedTranscripts(EmulatedMeetings meetings, EmulatedNotes notes, MeetingRules rules, Replies replies) {
		this.meetings = meetings;
		this.notes = notes;
		this.rules = rules;
		this.replies = replies;
	}

	@Override
	public void serve(VcRoutes routes) {
		routes.handle(MeetingApis.PULL_SUBTITLE,
				(caller, call) -> subtitles(caller, call.path("meeting_id"), call.query()));
		routes.handle(NoteApis.UNIFIED_TRANSCRIPT,
				(caller, call) -> transcript(caller, call.path("note_id"), call.query()));
	}

	/** {@code GET /meetings/:meeting_id/pull_subtitle}: each thing said is one subtitle, in order. */
	private Reply subtitles(Caller caller, String meetingId, Map<String, List<String>> query) {
		String uid = first(query, "uid");
		String did = first(query, "did");
		if (uid == null || uid.isBlank() || did == null || did.isBlank()) {
			return this.replies.paramError();
		}
		List<Utterance> said;
		Map<String, Integer> speakers = new LinkedHashMap<>();
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(meetingId);
			Reply error = this.rules.readError(caller, meeting, 121004);
			if (error != null) {
				return error;
			}
			Participant subscriber = meeting.participants.get(uid);
			if (subscriber == null || subscriber.firstJoin == null) {
				return this.rules.noPermission();
			}
			said = List.copyOf(meeting.said);
		}
		List<ObjectNode> subtitles = new ArrayList<>();
		for (int i = 0; i < said.size(); i++) {
			Utterance utterance = said.get(i);
			// Speakers numbered in the order they first spoke in the whole meeting, whatever the page.
			int speaker = speakers.computeIfAbsent(utterance.speakerId(), (id) -> speakers.size() + 1);
			ObjectNode segment = this.replies.object().put("seg_id", i + 1L);
			ObjectNode subtitle = segment.putObject("subtitle");
			subtitle.put("content", utterance.text())
				.put("language", "zh_cn")
				.put("speaker_user_id", numericId(utterance.speakerId()))
				.put("speaker_device_id", numericId(utterance.speakerId() + "/" + did));
			subtitle.putObject("ssd_speaker")
				.put("user_id", utterance.speakerId())
				.put("speaker_id", speaker)
				.put("speaker_id_type", 1);
			subtitles.add(segment);
		}
		return this.replies.paged(subtitles, "meeting_subtitles", first(query, "page_size"),
				first(query, "page_token"), 20, 1, MAX_SUBTITLE_PAGE);
	}

	/** {@code GET /notes/:note_id/unified_note_transcript}: each thing said is one paragraph of one sentence. */
	private Reply transcript(Caller caller, String noteId, Map<String, List<String>> query) {
		String format = first(query, "format");
		String cursor = first(query, "cursor_id");
		int offset;
		int pageSize;
		try {
			offset = (cursor != null) ? Math.toIntExact(Long.parseLong(cursor) - CURSOR_BASE) : 0;
			pageSize = (first(query, "page_size") != null) ? Integer.parseInt(first(query, "page_size")) : 200;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return this.replies.paramError();
		}
		if ((format != null && !format.equals("markdown") && !format.equals("plain_text")) || offset < 0
				|| pageSize < 1) {
			return this.replies.paramError();
		}
		Reply[] refusal = new Reply[1];
		StoredNote note = this.notes.readable(caller, noteId, refusal);
		if (note == null) {
			return refusal[0];
		}
		if (note.displayType != EmulatedNotes.UNIFIED) {
			return this.replies.error(400, 121002, "not support");
		}
		List<Utterance> said;
		Map<String, String> names = new LinkedHashMap<>();
		synchronized (this.meetings) {
			StoredMeeting meeting = this.meetings.find(note.meetingId);
			said = (meeting != null) ? List.copyOf(meeting.said) : List.of();
			if (meeting != null) {
				meeting.participants.forEach((id, participant) -> names.put(id,
						(participant.inMeetingName != null) ? participant.inMeetingName : id));
			}
		}
		int size = Math.min(pageSize, TRANSCRIPT_PAGE);
		int end = Math.min(said.size(), offset + size);
		ObjectNode data = this.replies.object();
		ObjectNode transcript = data.putObject("transcript");
		ArrayNode paragraphs = transcript.putObject("structured_transcript_content").putArray("paragraphs");
		StringBuilder text = new StringBuilder();
		for (int i = Math.min(offset, end); i < end; i++) {
			Utterance utterance = said.get(i);
			String name = names.getOrDefault(utterance.speakerId(), utterance.speakerId());
			long start = utterance.sinceStart().toMillis();
			ObjectNode paragraph = paragraphs.addObject();
			paragraph.putObject("speaker")
				.put("speaker_id", utterance.speakerId())
				.put("speaker_type", 1)
				.put("speaker_name", name);
			paragraph.put("speak_ms", start);
			paragraph.putArray("sentences")
				.addObject()
				.put("sentence_id", Integer.toString(i + 1))
				.put("content", utterance.text())
				.put("start_ms", start)
				.put("stop_ms", start + 1000);
			text.append("markdown".equals(format) ? "**" + name + "**: " : name + ": ")
				.append(utterance.text())
				.append('\n');
		}
		if (format != null) {
			transcript.put("markdown".equals(format) ? "markdown" : "plain_text", text.toString());
		}
		boolean more = end < said.size();
		data.put("page_size", size).put("has_more", more);
		if (more) {
			data.put("next_cursor_id", Long.toString(CURSOR_BASE + end));
		}
		return this.replies.success(data);
	}

	/**
	 * A stable number for an id: the platform's subtitles name speakers and devices by numbers. Kept below 2^53: the
	 * Node SDK reads them as JavaScript numbers, which would round larger ones.
	 */
	private static long numericId(String id) {
		long hash = 1125899906842597L;
		for (int i = 0; i < id.length(); i++) {
			hash = 31 * hash + id.charAt(i);
		}
		return hash & ((1L << 53) - 1);
	}

}
