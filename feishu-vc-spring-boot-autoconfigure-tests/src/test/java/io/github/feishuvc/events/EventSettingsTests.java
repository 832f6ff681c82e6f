package io.github.feishuvc.events;

import java.time.Clock;
import java.time.Duration;

import io.github.feishuvc.events.webhook.FeishuEventReceiver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The settings of the event side refused at once where they cannot work, and taken at their edges where they can: the
 * listener pool's sizes, the dedupe window, the endpoint's app and keys. Found unasked by the mutation run
 * (docs/mutation-survivors.md).
 */
class EventSettingsTests {

	@Test
	void shouldTakeAListenerPoolOfOneThreadNoQueueAndNoWaitAndNothingLess() {
		assertThat(new EventListenerPool(1, 0, Duration.ZERO)).isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new EventListenerPool(0, 0, Duration.ZERO))
			.withMessage("threads must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new EventListenerPool(1, -1, Duration.ZERO))
			.withMessage("queueCapacity must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new EventListenerPool(1, 0, Duration.ofNanos(-1)))
			.withMessage("shutdownTimeout must not be negative");
	}

	@Test
	void shouldTakeADedupeWindowOfOneMillisecondABucketAndNothingShorter() {
		Duration shortest = Duration.ofMillis(InMemoryPublishedEventIds.BUCKETS);
		assertThat(new InMemoryPublishedEventIds(shortest, Clock.systemUTC())).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryPublishedEventIds(shortest.minusMillis(1), Clock.systemUTC()))
			.withMessageContaining("window must be at least");
	}

	@Test
	void shouldRefuseAnEndpointWithoutItsAppOrItsTokenOrWithAnEmptyKeyOrASkewUnderASecond() {
		Duration second = Duration.ofSeconds(1);
		assertThat(new FeishuEventReceiver.Settings("cli_a", "v", null, second).encryptKey()).isNull();
		assertThat(new FeishuEventReceiver.Settings("cli_a", "v", "k", second).maxClockSkew()).isEqualTo(second);
		assertThatIllegalArgumentException().isThrownBy(() -> new FeishuEventReceiver.Settings(" ", "v", null, second))
			.withMessage("appId must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new FeishuEventReceiver.Settings("cli_a", "", null, second))
			.withMessage("verificationToken must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> new FeishuEventReceiver.Settings("cli_a", "v", "", second))
			.withMessage("encryptKey must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FeishuEventReceiver.Settings("cli_a", "v", null, Duration.ofMillis(999)))
			.withMessage("maxClockSkew must be at least a second");
	}

}
