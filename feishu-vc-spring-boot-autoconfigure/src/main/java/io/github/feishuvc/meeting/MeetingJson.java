package io.github.feishuvc.meeting;

import java.time.Duration;

import io.github.feishuvc.core.FeishuVcJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Feishu mapper with a recording's length in milliseconds, which the platform sends as {@code "30000"} where every
 * other duration is seconds. The rule lives in a mix-in rather than on the model, so an application that returns a
 * {@link Recording} from its own controllers serializes it with its own conventions.
 */
public final class MeetingJson {

	private static final JsonMapper MAPPER = FeishuVcJson.mapper()
		.rebuild()
		.addMixIn(Recording.class, RecordingMixin.class)
		.build();

	private MeetingJson() {
	}

	/**
	 * The mapper; thread safe.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	private interface RecordingMixin {

		@JsonDeserialize(using = FeishuVcJson.MillisecondsDeserializer.class)
		@JsonSerialize(using = FeishuVcJson.MillisecondsSerializer.class)
		@Nullable Duration duration();

	}

}
