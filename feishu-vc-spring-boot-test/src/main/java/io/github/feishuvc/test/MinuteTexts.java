package io.github.feishuvc.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the emulated minutes make of what was said while a meeting was recorded: the transcript in each format the
 * platform exports, and the AI artifacts. The platform documents neither layout; these are the emulator's, stable so
 * that tests can read them.
 *
 * <ul>
 * <li>{@code txt}: one paragraph a line said, a blank line between them; its first line is the speaker's open id
 * and the time in the recording ({@code ou_ada 00:01:05}), either left out when not asked for, then the text.</li>
 * <li>{@code srt}: one numbered cue a line said, from its time to the next line's (the last one to the recording's
 * end), the text after {@code ou_ada: } when speakers are asked for; times are always there, as the format wants.</li>
 * <li>Artifacts: the summary names the title and how many lines and speakers; one chapter a speaker's turn; a line
 * starting {@code TODO:} is a todo assigned to its speaker; the keywords are the three most frequent words of five
 * letters or more.</li>
 * </ul>
 */
final class MinuteTexts {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String TODO = "TODO:";

	private MinuteTexts() {
	}

	/**
	 * One thing said while recording.
	 * @param speakerId the speaker's open id
	 * @param offset when, inside the recording
	 * @param text what
	 */
	record Line(String speakerId, Duration offset, String text) {
	}

	/** The transcript in a format, or {@code null} for a format the platform does not offer. */
	static @Nullable String transcript(List<Line> lines, Duration length, String format, boolean speakers,
			boolean timestamps) {
		return switch (format) {
			case "txt" -> txt(lines, speakers, timestamps);
			case "srt" -> srt(lines, length, speakers);
			default -> null;
		};
	}

	private static String txt(List<Line> lines, boolean speakers, boolean timestamps) {
		StringBuilder text = new StringBuilder();
		for (Line line : lines) {
			if (!text.isEmpty()) {
				text.append('\n');
			}
			String head = ((speakers ? line.speakerId() : "") + ((speakers && timestamps) ? " " : "")
					+ (timestamps ? clock(line.offset(), false) : ""));
			if (!head.isEmpty()) {
				text.append(head).append('\n');
			}
			text.append(line.text()).append('\n');
		}
		return text.toString();
	}

	private static String srt(List<Line> lines, Duration length, boolean speakers) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			Duration end = (i + 1 < lines.size()) ? lines.get(i + 1).offset() : length;
			if (end.compareTo(line.offset()) <= 0) {
				end = line.offset().plusSeconds(1);
			}
			text.append(i + 1)
				.append('\n')
				.append(clock(line.offset(), true))
				.append(" --> ")
				.append(clock(end, true))
				.append('\n')
				.append(speakers ? line.speakerId() + ": " : "")
				.append(line.text())
				.append("\n\n");
		}
		return text.toString();
	}

	/** {@code hh:mm:ss}, with {@code ,mmm} for subtitles. */
	private static String clock(Duration offset, boolean millis) {
		String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", offset.toHours(), offset.toMinutesPart(),
				offset.toSecondsPart());
		return millis ? clock + String.format(Locale.ROOT, ",%03d", offset.toMillisPart()) : clock;
	}

	/** The {@code data} of {@code GET /minutes/:minute_token/artifacts}. */
	static ObjectNode artifacts(String title, List<Line> lines, Duration length) {
		ObjectNode data = NODES.objectNode();
		long speakers = lines.stream().map(Line::speakerId).distinct().count();
		data.put("summary", title + ": " + lines.size() + " lines by " + speakers + " speakers");
		ArrayNode chapters = data.putArray("minute_chapters");
		int turn = 0;
		while (turn < lines.size()) {
			int next = turn;
			while (next < lines.size() && lines.get(next).speakerId().equals(lines.get(turn).speakerId())) {
				next++;
			}
			Duration stop = (next < lines.size()) ? lines.get(next).offset() : length;
			chapters.addObject()
				.put("title", lines.get(turn).speakerId())
				.put("start_ms", Long.toString(lines.get(turn).offset().toMillis()))
				.put("stop_ms", Long.toString(Math.max(stop.toMillis(), lines.get(turn).offset().toMillis() + 1)))
				.put("summary_content", lines.get(turn).text());
			turn = next;
		}
		ArrayNode todos = data.putArray("minute_todos");
		int id = 0;
		for (Line line : lines) {
			if (line.text().startsWith(TODO)) {
				ObjectNode todo = todos.addObject().put("content", line.text().substring(TODO.length()).strip());
				todo.putArray("assignees").add(line.speakerId());
				todo.put("is_done", false).put("todo_id", Integer.toString(++id));
			}
		}
		ArrayNode keywords = data.putArray("keywords");
		keywords(lines).forEach(keywords::add);
		data.put("transcript", txt(lines, true, true));
		return data;
	}

	/** The three most frequent words of five letters or more, the first seen first among equals. */
	private static List<String> keywords(List<Line> lines) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Line line : lines) {
			for (String word : line.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
				if (word.length() >= 5) {
					counts.merge(word, 1, Integer::sum);
				}
			}
		}
		List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
		sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
		return sorted.stream().limit(3).map(Map.Entry::getKey).toList();
	}

}
