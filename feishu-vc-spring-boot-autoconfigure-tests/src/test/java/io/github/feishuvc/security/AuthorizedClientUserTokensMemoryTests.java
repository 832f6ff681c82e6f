package io.github.feishuvc.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcSignInRequiredException;
import io.github.feishuvc.support.InMemoryFleetLock;
import io.github.feishuvc.support.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the user tokens remember of each user, and when they take the fleet's lock: the tenant a store app's user
 * signed in from, an expiry and a rejection per user and nothing of users whose tokens ended, the lock only for an
 * authorization that may refresh. Found wanting by the mutation run (docs/mutation-survivors.md).
 */
class AuthorizedClientUserTokensMemoryTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

	/** How long the tokens it grants from now on live; {@code null} for a token without an expiry. */
	private volatile @Nullable Duration lifetime = Duration.ofHours(2);

	private final ReactiveOAuth2AuthorizedClientManager manager = (request) -> {
		Duration lifetime = this.lifetime;
		Instant now = this.clock.instant();
		String user = request.getPrincipal().getName();
		Instant expiresAt = (lifetime != null) ? now.plus(lifetime) : null;
		return Mono.just(new OAuth2AuthorizedClient(AuthorizedClientUserTokensTests.FEISHU, user,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-" + user, now, expiresAt)));
	};

	@Test
	void shouldRefuseWhatCannotWorkAtOnce() {
		OAuth2AuthorizedClientManager blocking = (request) -> null;
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AuthorizedClientUserTokens.of((OAuth2AuthorizedClientManager) null, "feishu", false));
		assertThatIllegalArgumentException().isThrownBy(
				() -> AuthorizedClientUserTokens.of((ReactiveOAuth2AuthorizedClientManager) null, "feishu", false));
		assertThatIllegalArgumentException().isThrownBy(() -> AuthorizedClientUserTokens.of(blocking, " ", false));
		AuthorizedClientUserTokens tokens = AuthorizedClientUserTokens.of(this.manager, "feishu", false);
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.withTimeout(Duration.ZERO))
			.withMessage("timeout must be positive");
		assertThat(tokens.withTimeout(Duration.ofNanos(1))).isNotNull();
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.withFleetLock(null));
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.of((Authentication) null));
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.of((String) null));
		assertThatIllegalArgumentException().isThrownBy(() -> tokens.of(" "));
	}

	@Test
	void shouldActInTheTenantAStoreAppsUserSignedInFromAndNoOtherwise() {
		OAuth2AuthenticationToken withTenant = signedIn(Map.of("open_id", "ou_1", "tenant_key", "t1"));
		OAuth2AuthenticationToken withoutTenant = signedIn(Map.of("open_id", "ou_1"));
		AuthorizedClientUserTokens store = AuthorizedClientUserTokens.of(this.manager, "feishu", true);
		AuthorizedClientUserTokens selfBuilt = AuthorizedClientUserTokens.of(this.manager, "feishu", false);

		assertThat(store.of(withTenant).tenantKey()).isEqualTo("t1");
		assertThat(store.of(withoutTenant).tenantKey()).isNull();
		assertThat(store.of(new TestingAuthenticationToken("ou_1", "n/a")).tenantKey()).isNull();
		assertThat(selfBuilt.of(withTenant).tenantKey()).isNull();
		assertThat(store.of("ou_1").tenantKey()).isNull();
	}

	@Test
	void shouldRememberAnExpiryAndARejectionPerUser() {
		AuthorizedClientUserTokens tokens = AuthorizedClientUserTokens.of(this.manager, "feishu", false)
			.withClock(this.clock);
		AccessTokenSource user = tokens.of("ou_1");

		assertThat(user.getToken().block()).isEqualTo("token-ou_1");
		assertThat(tokens.rememberedUsers()).isOne();
		user.invalidate("token-ou_1");
		assertThat(tokens.rememberedUsers()).isEqualTo(2);
	}

	@Test
	void shouldHandOutATokenWithoutAnExpiry() {
		this.lifetime = null;
		AuthorizedClientUserTokens tokens = AuthorizedClientUserTokens.of(this.manager, "feishu", false)
			.withClock(this.clock);

		assertThat(tokens.of("ou_1").getToken().block()).isEqualTo("token-ou_1");
		assertThat(tokens.rememberedUsers()).isZero();
	}

	@Test
	void shouldForgetExactlyTheUsersWhoseTokensEndedOnceItRemembersEnough() {
		AuthorizedClientUserTokens tokens = AuthorizedClientUserTokens.of(this.manager, "feishu", false)
			.withClock(this.clock);
		this.lifetime = Duration.ofSeconds(10);
		List<AccessTokenSource> ended = signIn(tokens, "a", 600);
		ended.subList(0, 100).forEach((user) -> user.invalidate("rejected"));
		assertThat(tokens.rememberedUsers()).isEqualTo(700);
		this.clock.advance(Duration.ofSeconds(20));
		this.lifetime = Duration.ofHours(1);
		List<AccessTokenSource> live = signIn(tokens, "b", 274);
		live.subList(0, 49).forEach((user) -> user.invalidate("rejected"));
		assertThat(tokens.rememberedUsers()).as("one short of the floor")
			.isEqualTo(AuthorizedClientUserTokens.FORGET_FLOOR - 1);

		// The rejection that brings it to the floor: the 600 ended users and their 100 rejections go, the 274 live
		// users and their 50 rejections stay.
		live.get(49).invalidate("rejected");
		assertThat(tokens.rememberedUsers()).isEqualTo(274 + 50);

		// A sign-in that brings it to the floor again, once the live ones have ended too.
		this.clock.advance(Duration.ofHours(2));
		signIn(tokens, "c", AuthorizedClientUserTokens.FORGET_FLOOR - 324);
		assertThat(tokens.rememberedUsers()).isEqualTo(AuthorizedClientUserTokens.FORGET_FLOOR - 324);
	}

	@Test
	void shouldTakeTheFleetLockOnlyForAnAuthorizationThatMayRefresh() {
		InMemoryFleetLock lock = new InMemoryFleetLock();
		AuthorizedClientUserTokens tokens = AuthorizedClientUserTokens.of(this.manager, "feishu", false)
			.withClock(this.clock)
			.withFleetLock(lock);
		AccessTokenSource user = tokens.of("ou_1");

		user.getToken().block();
		assertThat(lock.locks()).as("a token not known yet").isOne();
		user.getToken().block();
		assertThat(lock.locks()).as("a known token, far from its end").isOne();
		this.clock.advance(Duration.ofHours(2).minus(AuthorizedClientUserTokens.REFRESH_WINDOW));
		user.getToken().block();
		assertThat(lock.locks()).as("a token about to end").isEqualTo(2);
		user.invalidate("token-ou_1");
		// This platform grants no refresh token, so the user must sign in again: once the authorization that knew of
		// the rejection (the second) brought the rejected token back, not after more.
		StepVerifier.create(user.getToken()).expectError(FeishuVcSignInRequiredException.class).verify();
		assertThat(lock.locks()).as("a rejected token: the call's authorization, then one that knew of the rejection")
			.isEqualTo(5);
	}

	private List<AccessTokenSource> signIn(AuthorizedClientUserTokens tokens, String prefix, int count) {
		List<AccessTokenSource> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			AccessTokenSource user = tokens.of(prefix + i);
			assertThat(user.getToken().block()).isEqualTo("token-" + prefix + i);
			users.add(user);
		}
		return users;
	}

	private static OAuth2AuthenticationToken signedIn(Map<String, Object> attributes) {
		return new OAuth2AuthenticationToken(
				new DefaultOAuth2User(AuthorityUtils.createAuthorityList("OAUTH2_USER"), attributes, "open_id"),
				AuthorityUtils.createAuthorityList("OAUTH2_USER"), "feishu");
	}

}
