package io.github.feishuvc.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * The times and durations the meeting data answers with as display strings, rather than the seconds of the rest of
 * the API: {@code 2022.12.23 11:16:59 (GMT+08:00)} and {@code 00:01:52}. A value in another shape reads as absent,
 * never as a failed decode (the platform writes them for people, and the quality data already leaves the zone out).
 * Written back, they take the platform's shape again.
 */
public final class DisplayTimes {

	private static final Pattern TIME = Pattern
		.compile("(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2}) (\\d{1,2}):(\\d{2}):(\\d{2}) \\(GMT([+-]\\d{1,2}:\\d{2})\\)");

	private static final Pattern DURATION = Pattern.compile("(\\d{1,9}):(\\d{2}):(\\d{2})");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss");

	private DisplayTimes() {
	}

	/**
	 * Read a display time.
	 * @param text such as {@code 2022.12.23 11:16:59 (GMT+08:00)}
	 * @return the time with its offset, or {@code null} for text of another shape
	 */
	public static @Nullable OffsetDateTime parseTime(String text) {
		Matcher matcher = TIME.matcher(text.strip());
		if (!matcher.matches()) {
			return null;
		}
		try {
			String offset = matcher.group(7);
			ZoneOffset zone = ZoneOffset.of((offset.length() == 5) ? offset.charAt(0) + "0" + offset.substring(1)
					: offset);
			return OffsetDateTime.of(LocalDateTime.of(Integer.parseInt(matcher.group(1)),
					Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
					Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
					Integer.parseInt(matcher.group(6))), zone);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Read a display duration.
	 * @param text such as {@code 01:00:00}
	 * @return the duration, or {@code null} for text of another shape
	 */
	public static @Nullable Duration parseDuration(String text) {
		Matcher matcher = DURATION.matcher(text.strip());
		if (!matcher.matches()) {
			return null;
		}
		return Duration.ofHours(Long.parseLong(matcher.group(1)))
			.plusMinutes(Integer.parseInt(matcher.group(2)))
			.plusSeconds(Integer.parseInt(matcher.group(3)));
	}

	/**
	 * Write a time as the platform displays it.
	 * @param time the time, in the offset to show
	 * @return such as {@code 2022.12.23 11:16:59 (GMT+08:00)}
	 */
	public static String format(OffsetDateTime time) {
		return FORMAT.format(time) + " (GMT" + (time.getOffset().equals(ZoneOffset.UTC) ? "+00:00"
				: time.getOffset().getId()) + ")";
	}

	/**
	 * Write a duration as the platform displays it.
	 * @param duration the duration
	 * @return such as {@code 01:00:00}
	 */
	public static String format(Duration duration) {
		long seconds = duration.getSeconds();
		return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
	}

	/** Reads a display time, absent when it is not one. */
	public static final class TimeDeserializer extends ValueDeserializer<OffsetDateTime> {

		@Override
		public @Nullable OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
			return (parser.currentToken() == JsonToken.VALUE_STRING) ? parseTime(parser.getString()) : skip(parser);
		}

	}

	/** Reads a display duration, absent when it is not one. */
	public static final class DurationDeserializer extends ValueDeserializer<Duration> {

		@Override
		public @Nullable Duration deserialize(JsonParser parser, DeserializationContext context) {
			return (parser.currentToken() == JsonToken.VALUE_STRING) ? parseDuration(parser.getString()) : skip(parser);
		}

	}

	/** Writes a time as the platform displays it, so that a record written reads back the same. */
	public static final class TimeSerializer extends ValueSerializer<OffsetDateTime> {

		@Override
		public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(format(value));
		}

	}

	/** Writes a duration as the platform displays it, so that a record written reads back the same. */
	public static final class DurationSerializer extends ValueSerializer<Duration> {

		@Override
		public void serialize(Duration value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(format(value));
		}

	}

	private static <T> @Nullable T skip(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

}
