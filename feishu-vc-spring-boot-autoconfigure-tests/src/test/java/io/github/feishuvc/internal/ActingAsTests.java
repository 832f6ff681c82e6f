package io.github.feishuvc.internal;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.core.AccessTokenSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Whom {@link ActingAs} acts as, and in which tenant: a user's renewable tokens keep the tenant named before them, so
 * that a store app's user calls are rate limited as their tenant's, not in the app's own window.
 */
class ActingAsTests {

	private final ActingAs app = ActingAs.app(new StoreTokens());

	@Test
	void shouldKeepTheTenantNamedBeforeARenewableUserToken() {
		ActingAs user = this.app.forTenant("t1").user(new UserTokens(null));

		assertThat(user.isUser()).isTrue();
		assertThat(user.tenantKey()).isEqualTo("t1");
		assertThat(user.tokens().isRenewable()).isTrue();
		assertThat(user.tokens().getToken().block()).isEqualTo("u-1");
	}

	@Test
	void shouldKeepTheTenantAUserTokenSourceNamesItself() {
		assertThat(this.app.user(new UserTokens("t2")).tenantKey()).isEqualTo("t2");
		assertThat(this.app.forTenant("t2").user(new UserTokens("t2")).tenantKey()).isEqualTo("t2");
		assertThat(this.app.user(new UserTokens(null)).tenantKey()).isNull();
	}

	@Test
	void shouldActAsTheUserInTheTenantWhicheverComesFirst() {
		for (ActingAs user : new ActingAs[] { this.app.user("u-fixed").forTenant("t1"),
				this.app.forTenant("t1").user("u-fixed"), this.app.user(new UserTokens(null)).forTenant("t1"),
				this.app.forTenant("t1").user(new UserTokens(null)) }) {
			assertThat(user.isUser()).as(user.toString()).isTrue();
			assertThat(user.tenantKey()).as(user.toString()).isEqualTo("t1");
			assertThat(user.tokens().getToken().block()).as(user.toString()).startsWith("u-");
		}
	}

	@Test
	void shouldRefuseToPutAUserOfOneTenantInAnother() {
		assertThatIllegalStateException().isThrownBy(() -> this.app.forTenant("t1").user(new UserTokens("t2")))
			.withMessageContaining("a user of tenant t2, not of tenant t1");
		assertThatIllegalStateException().isThrownBy(() -> this.app.user(new UserTokens("t2")).forTenant("t1"))
			.withMessageContaining("a user of tenant t2, not of tenant t1");
		assertThat(this.app.forTenant("t2").user("u-fixed").forTenant("t1").tenantKey())
			.as("the tenant named last, as for the app").isEqualTo("t1");
		assertThat(this.app.user(new UserTokens("t1")).user(new UserTokens("t2")).tenantKey())
			.as("no tenant named: the last user's own").isEqualTo("t2");
	}

	@Test
	void shouldRefuseATenantToASelfBuiltAppActingAsAUser() {
		ActingAs selfBuilt = ActingAs.app(new SelfBuiltTokens());

		assertThatIllegalStateException().isThrownBy(() -> selfBuilt.user("u-fixed").forTenant("t1"))
			.withMessageContaining("for store apps");
	}

	@Test
	void shouldKeepTheTenantNamedBeforeAFixedUserToken() {
		assertThat(this.app.forTenant("t1").user("u-fixed").tenantKey()).isEqualTo("t1");
	}

	@Test
	void shouldTellTheUserTokensOfARejectedToken() {
		UserTokens tokens = new UserTokens(null);

		this.app.forTenant("t1").user(tokens).tokens().invalidate("u-1");

		assertThat(tokens.invalidated).isEqualTo("u-1");
	}

	/** A store app's tenant tokens: one source per tenant. */
	private static final class StoreTokens implements TenantAccessTokenProvider {

		@Override
		public Mono<String> getToken() {
			return Mono.just("t-app");
		}

		@Override
		public void invalidate(String token) {
		}

		@Override
		public AccessTokenSource forTenant(String tenantKey) {
			return new AccessTokenSource() {

				@Override
				public Mono<String> getToken() {
					return Mono.just("t-" + tenantKey);
				}

				@Override
				public void invalidate(String token) {
				}

				@Override
				public String tenantKey() {
					return tenantKey;
				}

			};
		}

	}

	/** A self-built app's tokens, which serve its own tenant only. */
	private static final class SelfBuiltTokens implements TenantAccessTokenProvider {

		@Override
		public Mono<String> getToken() {
			return Mono.just("t-app");
		}

		@Override
		public void invalidate(String token) {
		}

	}

	/** A signed-in user's renewable tokens, which may name no tenant. */
	private static final class UserTokens implements AccessTokenSource {

		private final @Nullable String tenantKey;

		volatile @Nullable String invalidated;

		UserTokens(@Nullable String tenantKey) {
			this.tenantKey = tenantKey;
		}

		@Override
		public Mono<String> getToken() {
			return Mono.just("u-1");
		}

		@Override
		public void invalidate(String token) {
			this.invalidated = token;
		}

		@Override
		public @Nullable String tenantKey() {
			return this.tenantKey;
		}

	}

}
