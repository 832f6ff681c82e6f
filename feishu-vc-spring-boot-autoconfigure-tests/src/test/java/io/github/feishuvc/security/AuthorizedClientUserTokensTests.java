package io.github.feishuvc.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.feishuvc.core.AccessTokenSource;
import io.github.feishuvc.core.FeishuVcSignInRequiredException;
import io.github.feishuvc.core.FeishuVcTimeoutException;
import io.github.feishuvc.support.InMemoryFleetLock;
import io.github.feishuvc.support.MutableClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user tokens under concurrency, against a manager that refreshes as the platform does (rotating refresh tokens,
 * a used one refused) with random delays: however the calls of one user interleave, a rejected token is refreshed
 * once and every call ends with the new one.
 */
class AuthorizedClientUserTokensTests {

	/** The registration of Feishu sign-in, as the starter configures it. */
	static final ClientRegistration FEISHU = ClientRegistration.withRegistrationId("feishu")
		.clientId("cli_a")
		.clientSecret("s")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("{baseUrl}/login/oauth2/code/feishu")
		.authorizationUri("https://accounts.example/authorize")
		.tokenUri("https://open.example/token")
		.build();

	private final Platform platform = new Platform();

	@RepeatedTest(20)
	void shouldRefreshARejectedTokenOnceHoweverTheCallsOfOneUserInterleave() {
		FeishuUserTokens tokens = AuthorizedClientUserTokens.of(this.platform, "feishu", false);
		StepVerifier.create(Flux.range(0, 200).flatMap((i) -> call(tokens.of("ou_1")), 200))
			.expectNextCount(200)
			.verifyComplete();
		this.platform.expire();

		List<String> used = Flux.range(0, 200).flatMap((i) -> call(tokens.of("ou_1")), 200).collectList().block();

		assertThat(used).hasSize(200).containsOnly(this.platform.current.get().getAccessToken().getTokenValue());
		assertThat(this.platform.refreshes).hasValue(1);
	}

	@RepeatedTest(20)
	void shouldRefreshARejectedTokenOnceForInstancesSharingTheFleetLock() {
		InMemoryFleetLock lock = new InMemoryFleetLock();
		List<FeishuUserTokens> instances = List.of(AuthorizedClientUserTokens.of(this.platform, "feishu", false)
			.withFleetLock(lock), AuthorizedClientUserTokens.of(this.platform, "feishu", false).withFleetLock(lock));
		Flux.range(0, 20).flatMap((i) -> call(instances.get(i % 2).of("ou_1")), 20).blockLast();
		this.platform.expire();

		List<String> used = Flux.range(0, 200)
			.flatMap((i) -> call(instances.get(i % 2).of("ou_1")), 200)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(used).hasSize(200).containsOnly(this.platform.current.get().getAccessToken().getTokenValue());
		assertThat(this.platform.refreshes).as("one refresh for the fleet, no refresh token spent twice").hasValue(1);
	}

	@Test
	void shouldForgetTheUsersWhoseTokensEndedHoweverManySignInOnce() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
		Duration lifetime = Duration.ofSeconds(1000);
		ReactiveOAuth2AuthorizedClientManager manager = (request) -> Mono.just(new OAuth2AuthorizedClient(FEISHU,
				request.getPrincipal().getName(), new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
						"token-" + request.getPrincipal().getName(), clock.instant(), clock.instant().plus(lifetime))));
		AuthorizedClientUserTokens tokens = AuthorizedClientUserTokens.of(manager, "feishu", false).withClock(clock);
		int most = 0;

		for (int i = 0; i < 100_000; i++) {
			AccessTokenSource user = tokens.of("ou_" + i);
			user.getToken().block();
			if (i % 3 == 0) {
				user.invalidate("token-ou_" + i);
			}
			clock.advance(Duration.ofSeconds(1));
			most = Math.max(most, tokens.rememberedUsers());
		}

		// About 1,000 users hold a live token at any time (a third of them with a rejection).
		assertThat(most).isLessThan(2 * 1400 + AuthorizedClientUserTokens.FORGET_FLOOR);
		assertThat(tokens.of("ou_0").getToken().block()).as("a forgotten user signs in as before").isEqualTo("token-ou_0");
	}

	@Test
	void shouldAskTheUserToSignInAgainWhenTheRefreshIsRefused() {
		FeishuUserTokens tokens = AuthorizedClientUserTokens.of(this.platform, "feishu", false);
		this.platform.expire();
		this.platform.refuseRefresh = true;

		List<Object> outcomes = Flux.range(0, 50)
			.flatMap((i) -> call(tokens.of("ou_1")).cast(Object.class).onErrorResume(Mono::just), 50)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(outcomes).hasSize(50)
			.allSatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(FeishuVcSignInRequiredException.class,
					(ex) -> assertThat(ex).hasMessageContaining("renewing their token failed (invalid_grant)")
						.hasMessageNotContaining("token-")));
	}

	@Test
	void shouldAskTheUserToSignInAgainWhenARejectedTokenCannotBeRenewed() {
		Instant now = Instant.now();
		OAuth2AuthorizedClient withoutRefreshToken = new OAuth2AuthorizedClient(FEISHU, "ou_1",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-0", now, now.plus(Duration.ofHours(2))));
		AtomicInteger asked = new AtomicInteger();
		ReactiveOAuth2AuthorizedClientManager manager = (request) -> {
			asked.incrementAndGet();
			return Mono.just(withoutRefreshToken);
		};
		AccessTokenSource source = AuthorizedClientUserTokens.of(manager, "feishu", false).of("ou_1");
		source.invalidate("token-0");

		StepVerifier.create(source.getToken())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcSignInRequiredException.class)
				.hasMessageContaining("there is no refresh token to renew it")
				.hasMessageNotContaining("token-0"))
			.verify(Duration.ofSeconds(5));
		assertThat(asked).as("the answer of an authorization started after the rejection is the one judged")
			.hasValue(4);
	}

	@Test
	void shouldTakeTheUserOfAnAuthorizedClient() {
		FeishuUserTokens tokens = AuthorizedClientUserTokens.of(this.platform, "feishu", false);
		AccessTokenSource source = tokens.of(this.platform.current.get());

		StepVerifier.create(source.getToken()).expectNext("token-0").verifyComplete();
		assertThat(source).hasToString("AccessTokenSource[user=ou_1]");
	}

	@Test
	void shouldEndAStalledAuthorizationByItsDeadlineAndStartANewOneAfter() {
		AtomicInteger asked = new AtomicInteger();
		ReactiveOAuth2AuthorizedClientManager stalled = (request) -> {
			asked.incrementAndGet();
			return Mono.never();
		};
		FeishuUserTokens tokens = AuthorizedClientUserTokens.of(stalled, "feishu", false)
			.withTimeout(Duration.ofSeconds(30));

		for (int attempt = 1; attempt <= 2; attempt++) {
			StepVerifier.withVirtualTime(() -> tokens.of("ou_1").getToken())
				.expectSubscription()
				.expectNoEvent(Duration.ofSeconds(29))
				.thenAwait(Duration.ofSeconds(1))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcTimeoutException.class)
					.hasMessageContaining("30000ms"))
				.verify(Duration.ofSeconds(5));
			assertThat(asked).as("a new authorization, not the stalled one joined").hasValue(attempt);
		}
	}

	/** A call as the executor makes it: the token, and once more with a new one if the platform rejects it. */
	private Mono<String> call(AccessTokenSource source) {
		return source.getToken().flatMap((token) -> this.platform.accepts(token) ? Mono.just(token) : Mono.defer(() -> {
			source.invalidate(token);
			return source.getToken().filter(this.platform::accepts).switchIfEmpty(Mono.error(new AssertionError(
					"a rejected token was handed out again")));
		}));
	}

	/** The authorized client of one user, refreshed as the platform does. */
	private static final class Platform implements ReactiveOAuth2AuthorizedClientManager {

		final AtomicReference<OAuth2AuthorizedClient> current = new AtomicReference<>(client(0));

		final AtomicInteger refreshes = new AtomicInteger();

		volatile int validFrom;

		volatile boolean refuseRefresh;

		@Override
		public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
			OAuth2AuthorizedClient given = request.getAuthorizedClient();
			return Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(3)), Schedulers.parallel())
				.map((tick) -> {
					if (given == null) {
						return this.current.get();
					}
					OAuth2AuthorizedClient stored = this.current.get();
					if (this.refuseRefresh || !given.getRefreshToken().getTokenValue()
						.equals(stored.getRefreshToken().getTokenValue())) {
						throw new ClientAuthorizationException(new OAuth2Error("invalid_grant"), "feishu",
								"[invalid_grant] refresh token used");
					}
					int generation = this.refreshes.incrementAndGet();
					OAuth2AuthorizedClient renewed = client(generation);
					this.current.set(renewed);
					return renewed;
				});
		}

		void expire() {
			this.validFrom = this.refreshes.get() + 1;
		}

		boolean accepts(String token) {
			return Integer.parseInt(token.substring("token-".length())) >= this.validFrom;
		}

		private static OAuth2AuthorizedClient client(int generation) {
			Instant now = Instant.now();
			return new OAuth2AuthorizedClient(FEISHU, "ou_1",
					new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-" + generation, now,
							now.plus(Duration.ofHours(2))),
					new OAuth2RefreshToken("refresh-" + generation, now));
		}

	}

}
