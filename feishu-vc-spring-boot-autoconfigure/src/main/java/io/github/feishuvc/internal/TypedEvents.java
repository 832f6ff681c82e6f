package io.github.feishuvc.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.events.FeishuEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * How every family's decoder turns its events into records: the event's type picks a factory, the version 2 envelope
 * is read with the family's body type, and an event without an id, or without what the family needs, does not decode.
 *
 * @param <B> the family's body type
 * @param <E> the family's event type
 */
public final class TypedEvents<B, E> {

	private final ObjectReader reader;

	private final Map<String, BiFunction<EventHeader, B, E>> factories;

	private final Map<String, List<String>> scopes;

	private final String family;

	/**
	 * The events of one family.
	 * @param body the type their bodies are read as
	 * @param factories the record of each event type, made from its header and body
	 * @param scopes the scopes of each event type (as its page lists them), of which the app must have one for the
	 * platform to send it
	 * @param family what the events are, for messages, such as {@code a meeting event}
	 */
	public TypedEvents(Class<B> body, Map<String, BiFunction<EventHeader, B, E>> factories,
			Function<String, List<String>> scopes, String family) {
		this.reader = FeishuVcJson.mapper()
			.readerFor(FeishuVcJson.mapper().getTypeFactory().constructParametricType(Envelope.class, body));
		this.factories = Map.copyOf(factories);
		Map<String, List<String>> byType = new TreeMap<>();
		factories.keySet().forEach((type) -> byType.put(type, List.copyOf(scopes.apply(type))));
		this.scopes = Collections.unmodifiableMap(byType);
		this.family = family;
	}

	/**
	 * The scopes of each event type of the family, any one of which the app needs for the platform to send it.
	 * @return the scopes by event type, sorted by type
	 */
	public Map<String, List<String>> scopes() {
		return this.scopes;
	}

	/**
	 * The event types of the family.
	 * @return the types
	 */
	public Set<String> types() {
		return this.factories.keySet();
	}

	/**
	 * The record of an event, if its type is the family's.
	 * @param event the event
	 * @param complete whether a body has what the family needs
	 * @return the record, or {@code null} for an event of another type
	 * @throws IllegalArgumentException if the event has no id or its body is incomplete
	 */
	public @Nullable E decode(FeishuEvent event, Predicate<B> complete) {
		BiFunction<EventHeader, B, E> factory = this.factories.get(event.type());
		if (factory == null) {
			return null;
		}
		Envelope<B> envelope = this.reader.readValue(event.json());
		EventHeader header = envelope.header();
		B body = envelope.event();
		if (header == null || header.eventId() == null || body == null || !complete.test(body)) {
			throw new IllegalArgumentException(this.family + " without an id or what it is about");
		}
		return factory.apply(header, body);
	}

	/**
	 * A version 2 event: its header and body.
	 *
	 * @param <B> the body type
	 * @param header the header
	 * @param event the body
	 */
	record Envelope<B>(@Nullable EventHeader header, @Nullable B event) {
	}

}
