package io.github.feishuvc.events.longconnection;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Events the platform sends in fragments ({@code sum} frames, {@code seq} from 0), reassembled by
 * {@code message_id}. Bounded whatever the peer sends: at most {@link #MAX_PARTS} parts per event, at most
 * {@code maxBytes} buffered across every partial event at once (an event that would pass it is dropped, the oldest
 * partial ones first making room), at most {@code maxEvents} partial events, each for {@code expiry} at most. Parts
 * are counted as they arrive, so an event of {@code n} parts costs {@code O(n)}. A dropped event is sent again by
 * the platform, which got no acknowledgement.
 *
 * <p>Not thread-safe: one session's receiving sequence uses it.
 */
final class Fragments {

	/** Most parts one event may come in; the platform splits an event only when it is larger than one frame. */
	static final int MAX_PARTS = 256;

	private final int maxBytes;

	private final int maxEvents;

	private final Duration expiry;

	/** Partial events by message id, oldest first. */
	private final Map<String, Partial> partials = new LinkedHashMap<>();

	/** Bytes buffered across every partial event. */
	private int buffered;

	/**
	 * Create the buffer.
	 * @param maxBytes most bytes buffered across every partial event, and the largest event
	 * @param maxEvents most events being reassembled at once
	 * @param expiry how long an event's parts are kept waiting for the rest
	 */
	Fragments(int maxBytes, int maxEvents, Duration expiry) {
		Assert.isTrue(maxBytes > 0 && maxEvents > 0 && expiry.compareTo(Duration.ZERO) > 0,
				"maxBytes, maxEvents and expiry must be positive");
		this.maxBytes = maxBytes;
		this.maxEvents = maxEvents;
		this.expiry = expiry;
	}

	/**
	 * Add a frame's payload.
	 * @param messageId the frame's {@code message_id}
	 * @param sum the frame's {@code sum}: how many parts its event has
	 * @param seq the frame's {@code seq}: which part it is, from 0
	 * @param payload the part
	 * @param now the time it arrived
	 * @return the whole event once its last part arrived, else {@code null} (also for a part that is refused: out of
	 * range, a duplicate, or past the bounds)
	 */
	byte @Nullable [] add(@Nullable String messageId, int sum, int seq, byte[] payload, Instant now) {
		if (sum == 1 && seq <= 0) {
			return (payload.length <= this.maxBytes) ? payload : null;
		}
		if (messageId == null || sum < 1 || sum > MAX_PARTS || seq < 0 || seq >= sum) {
			return null;
		}
		expire(now);
		Partial partial = this.partials.get(messageId);
		if (partial == null) {
			if (this.partials.size() >= this.maxEvents) {
				drop(this.partials.keySet().iterator().next());
			}
			partial = new Partial(sum, now.plus(this.expiry));
			this.partials.put(messageId, partial);
		}
		if (partial.parts.length != sum || partial.parts[seq] != null) {
			return null;
		}
		if (partial.bytes + payload.length > this.maxBytes) {
			drop(messageId);
			return null;
		}
		makeRoom(payload.length, messageId);
		partial.parts[seq] = payload;
		partial.bytes += payload.length;
		partial.received++;
		this.buffered += payload.length;
		if (partial.received < sum) {
			return null;
		}
		drop(messageId);
		byte[] whole = new byte[partial.bytes];
		int offset = 0;
		for (byte[] part : partial.parts) {
			System.arraycopy(part, 0, whole, offset, part.length);
			offset += part.length;
		}
		return whole;
	}

	/**
	 * How many events are being reassembled.
	 * @return the number of partial events
	 */
	int partialCount() {
		return this.partials.size();
	}

	/**
	 * How many bytes the partial events hold.
	 * @return the bytes buffered
	 */
	int bufferedBytes() {
		return this.buffered;
	}

	private void expire(Instant now) {
		for (Iterator<Partial> it = this.partials.values().iterator(); it.hasNext();) {
			Partial partial = it.next();
			if (!partial.expires.isAfter(now)) {
				this.buffered -= partial.bytes;
				it.remove();
			}
		}
	}

	/** Drops the oldest other partial events until {@code bytes} more fit under the bound. */
	private void makeRoom(int bytes, String keeping) {
		Iterator<Map.Entry<String, Partial>> it = this.partials.entrySet().iterator();
		while (this.buffered + bytes > this.maxBytes && it.hasNext()) {
			Map.Entry<String, Partial> oldest = it.next();
			if (!oldest.getKey().equals(keeping)) {
				this.buffered -= oldest.getValue().bytes;
				it.remove();
			}
		}
	}

	private void drop(String messageId) {
		Partial partial = this.partials.remove(messageId);
		if (partial != null) {
			this.buffered -= partial.bytes;
		}
	}

	/** The parts of one event so far. */
	private static final class Partial {

		final byte[][] parts;

		final Instant expires;

		int bytes;

		int received;

		Partial(int sum, Instant expires) {
			this.parts = new byte[sum][];
			this.expires = expires;
		}

	}

}
