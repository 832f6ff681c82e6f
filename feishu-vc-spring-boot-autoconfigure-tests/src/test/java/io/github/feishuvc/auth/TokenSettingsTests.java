package io.github.feishuvc.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the token side refuses at once and keeps: a self-built app's provider, and the in-memory ticket store that keeps
 * the newest ticket whatever order the pushes arrive in. Found unasked by the mutation run (docs/mutation-survivors.md).
 */
class TokenSettingsTests {

	private final FeishuVcExecutor executor = TestFeishu.executor("http://127.0.0.1:9");

	@Test
	void shouldRefuseANegativeRefreshMarginAndServeItsOwnTenantOnly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CachingTenantAccessTokenProvider(this.executor, "cli_a", "s", Duration.ofNanos(-1),
					Clock.systemUTC()))
			.withMessage("refreshBeforeExpiry must not be negative");
		CachingTenantAccessTokenProvider provider = new CachingTenantAccessTokenProvider(this.executor, "cli_a", "s",
				Duration.ZERO, Clock.systemUTC());
		assertThat(provider.servesStoreApp()).isFalse();
	}

	@Test
	void shouldKeepTheNewestTicketAndRefuseOneWithoutItsAppTicketOrTime() {
		InMemoryAppTicketStore tickets = new InMemoryAppTicketStore();
		Instant now = Instant.parse("2026-12-01T00:00:00Z");

		tickets.save("cli_a", "newer", now).block();
		tickets.save("cli_a", "older", now.minusSeconds(1)).block();
		assertThat(tickets.get("cli_a").block()).as("an older push never wins").isEqualTo("newer");
		tickets.save("cli_a", "as-new", now).block();
		assertThat(tickets.get("cli_a").block()).as("a later push of the same time wins").isEqualTo("as-new");
		assertThat(tickets.find("cli_a")).isEqualTo(new InMemoryAppTicketStore.PushedTicket("as-new", now));
		assertThatIllegalArgumentException().isThrownBy(() -> tickets.save(" ", "t", now));
		assertThatIllegalArgumentException().isThrownBy(() -> tickets.save("cli_a", "", now));
		assertThatIllegalArgumentException().isThrownBy(() -> tickets.save("cli_a", "t", null));
	}

}
