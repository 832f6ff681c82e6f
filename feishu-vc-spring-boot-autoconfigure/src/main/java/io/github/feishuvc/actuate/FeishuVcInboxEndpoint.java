package io.github.feishuvc.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.feishuvc.events.FeishuEventInbox;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The actuator endpoint {@code feishuvcinbox}: how many events the inbox holds unhandled and its dead letters (a read
 * operation), and a dead letter replayed or discarded ({@code POST /actuator/feishuvcinbox/{id}} with
 * {@code {"action": "replay"}} or {@code {"action": "discard"}}, a write operation). Exposed and secured as the
 * application's other endpoints are ({@code management.endpoints.web.exposure.include}, Spring Security); the events'
 * content is never shown.
 */
@Endpoint(id = "feishuvcinbox")
public class FeishuVcInboxEndpoint {

	/** How many dead letters a read shows, the oldest: replaying or discarding them shows the next. */
	static final int SHOWN = 100;

	private final FeishuEventInbox inbox;

	/**
	 * Create the endpoint.
	 * @param inbox the inbox it shows
	 */
	public FeishuVcInboxEndpoint(FeishuEventInbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * {@return the events appended and not handled yet ({@code pending}), how many dead letters there are
	 * ({@code deadLetterCount}), and the oldest {@value #SHOWN} of them ({@code deadLetters}): never the whole stream
	 * at once}
	 */
	@ReadOperation
	public Mono<Map<String, Object>> inbox() {
		return Mono.zip(this.inbox.pending(), this.inbox.deadLetterCount(),
				this.inbox.deadLetters().take(SHOWN).collectList())
			.map((read) -> {
				Map<String, Object> inbox = new LinkedHashMap<>();
				inbox.put("pending", read.getT1());
				inbox.put("deadLetterCount", read.getT2());
				inbox.put("deadLetters", read.getT3());
				return inbox;
			});
	}

	/**
	 * Replay a dead letter (append its event to the inbox again) or discard it.
	 * @param id the dead letter's id
	 * @param action {@code replay} or {@code discard}
	 * @return the id, the action, and whether the dead letter was there ({@code done})
	 */
	@WriteOperation
	public Mono<Map<String, Object>> deadLetter(@Selector String id, String action) {
		Mono<Boolean> done = switch (action) {
			case "replay" -> this.inbox.replay(id);
			case "discard" -> this.inbox.discard(id);
			default -> Mono.error(new IllegalArgumentException("action must be replay or discard, was " + action));
		};
		return done.map((found) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("id", id);
			result.put("action", action);
			result.put("done", found);
			return result;
		});
	}

}
