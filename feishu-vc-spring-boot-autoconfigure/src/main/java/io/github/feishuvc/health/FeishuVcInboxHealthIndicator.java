package io.github.feishuvc.health;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the durable event inbox can append: {@code DOWN} while it cannot, since the events arriving meanwhile are
 * refused (the platform keeps them and pushes them again), {@code UP} otherwise. Judged by the last append or read of
 * the inbox, which the instance makes several times a second; a probe never calls Redis itself.
 */
public class FeishuVcInboxHealthIndicator implements HealthIndicator {

	private final Supplier<@Nullable String> failure;

	/**
	 * Create the indicator.
	 * @param failure why the last append or read of the inbox failed, or {@code null} if it succeeded
	 */
	public FeishuVcInboxHealthIndicator(Supplier<@Nullable String> failure) {
		this.failure = failure;
	}

	@Override
	public Health health() {
		String failure = this.failure.get();
		return (failure != null) ? Health.down().withDetail("error", failure).build() : Health.up().build();
	}

}
