package io.github.feishuvc.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.feishuvc.agent.event.AgentEventDecoder;
import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.meeting.event.AudioRecordingEventDecoder;
import io.github.feishuvc.meeting.event.MeetingEventDecoder;
import io.github.feishuvc.minutes.event.MinuteEventDecoder;
import io.github.feishuvc.note.event.NoteEventDecoder;
import io.github.feishuvc.room.event.RoomEventDecoder;

/**
 * Every endpoint the starter declares, from the families' catalogs, and every event it decodes: what the rate
 * limiter's limits, the emulator's routing, scopes and events, the permissions page and the wire test against the
 * official SDK are derived from.
 */
public final class FeishuApis {

	/** The families' catalogs: classes whose static fields declare the endpoints. */
	private static final List<Class<?>> CATALOGS = List.of(ReserveApis.class, MeetingApis.class, RecordingApis.class,
			RoomApis.class, RoomConfigApis.class, ReserveConfigApis.class, ReportApis.class, ExportApis.class,
			NoteApis.class, MinuteApis.class, AgentApis.class);

	private static final List<FeishuApi<?>> ALL = collect();

	private static final Map<String, List<String>> EVENT_SCOPES = collectEventScopes();

	private FeishuApis() {
	}

	/**
	 * The families' catalogs, whose static fields are read by reflection (a native image needs them registered).
	 * @return the catalogs
	 */
	public static List<Class<?>> catalogs() {
		return CATALOGS;
	}

	/**
	 * Every declared endpoint, each once, in the catalogs' order (an endpoint declared twice to read two parts of
	 * one answer, such as a meeting and its documents, counts once).
	 * @return the declarations
	 */
	public static List<FeishuApi<?>> all() {
		return ALL;
	}

	/**
	 * The scopes of every event type the starter decodes, from the families' decoders: any one of an event's scopes
	 * lets the platform send it to the app.
	 * @return the scopes by event type, sorted by type
	 */
	public static Map<String, List<String>> eventScopes() {
		return EVENT_SCOPES;
	}

	private static Map<String, List<String>> collectEventScopes() {
		Map<String, List<String>> scopes = new TreeMap<>(MeetingEventDecoder.scopes());
		scopes.putAll(RoomEventDecoder.scopes());
		scopes.putAll(NoteEventDecoder.scopes());
		scopes.putAll(AudioRecordingEventDecoder.scopes());
		scopes.putAll(MinuteEventDecoder.scopes());
		scopes.putAll(AgentEventDecoder.scopes());
		return Collections.unmodifiableMap(scopes);
	}

	/**
	 * The documented limits that are stricter than the standard one, by operation.
	 * @return the limits
	 */
	public static Map<String, RateLimit> rateLimits() {
		Map<String, RateLimit> limits = new HashMap<>();
		for (FeishuApi<?> api : ALL) {
			if (api.limit() != null) {
				limits.put(api.operation(), api.limit());
			}
		}
		return Collections.unmodifiableMap(limits);
	}

	/**
	 * Every declaration in the catalogs, an endpoint declared twice included twice.
	 * @return the declarations
	 */
	static List<FeishuApi<?>> declarations() {
		List<FeishuApi<?>> apis = new ArrayList<>();
		for (Class<?> catalog : CATALOGS) {
			for (Field field : catalog.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == FeishuApi.class) {
					try {
						apis.add((FeishuApi<?>) field.get(null));
					}
					catch (IllegalAccessException ex) {
						throw new IllegalStateException("The catalog " + catalog.getName() + " is not readable", ex);
					}
				}
			}
		}
		return apis;
	}

	private static List<FeishuApi<?>> collect() {
		List<FeishuApi<?>> apis = new ArrayList<>();
		for (FeishuApi<?> api : declarations()) {
			if (apis.stream().noneMatch((other) -> other.method() == api.method() && other.path().equals(api.path()))) {
				apis.add(api);
			}
		}
		return List.copyOf(apis);
	}

}
