package io.github.feishuvc.events.longconnection;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The platform's settings of the connection, in seconds: from the endpoint, and again in pongs.
 *
 * @param count attempts to connect again after a drop; negative for no end
 * @param interval the wait between them
 * @param nonce the largest random wait before the first
 * @param ping the wait between pings
 */
record ClientConfig(@JsonProperty("ReconnectCount") @Nullable Integer count,
		@JsonProperty("ReconnectInterval") @Nullable Integer interval,
		@JsonProperty("ReconnectNonce") @Nullable Integer nonce, @JsonProperty("PingInterval") @Nullable Integer ping) {

	/** The platform's own client's defaults, until the platform says otherwise. */
	static final ClientConfig DEFAULTS = new ClientConfig(-1, 120, 30, 120);

	ClientConfig updatedBy(ClientConfig update) {
		return new ClientConfig((update.count != null) ? update.count : this.count,
				(update.interval != null) ? update.interval : this.interval,
				(update.nonce != null) ? update.nonce : this.nonce,
				(update.ping != null && update.ping > 0) ? update.ping : this.ping);
	}

	int reconnectCount() {
		return (this.count != null) ? this.count : -1;
	}

	Duration reconnectInterval() {
		return seconds(this.interval, 0);
	}

	Duration reconnectNonce() {
		return seconds(this.nonce, 0);
	}

	Duration pingInterval() {
		return seconds(this.ping, 1);
	}

	private static Duration seconds(@Nullable Integer value, int least) {
		return Duration.ofSeconds(Math.max(least, (value != null) ? value : 0));
	}

}
