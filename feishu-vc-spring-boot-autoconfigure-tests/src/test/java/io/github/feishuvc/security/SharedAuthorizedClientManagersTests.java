package io.github.feishuvc.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link SharedAuthorizedClientManagers} against a token endpoint over real HTTP that refuses every refresh token, as
 * the platform refuses one already spent: the user's client is removed, as Spring Security removes it, unless another
 * replica saved a renewed client while the refused refresh was on its way.
 */
class SharedAuthorizedClientManagersTests {

	private static final Authentication USER = new TestingAuthenticationToken("ou_1", null);

	private HttpServer tokenEndpoint;

	/** What the other replica does while the refused refresh is on its way, if anything. */
	private volatile Runnable meanwhile = () -> {
	};

	private ClientRegistration registration;

	@BeforeEach
	void start() throws IOException {
		this.tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.tokenEndpoint.createContext("/token", (exchange) -> {
			this.meanwhile.run();
			byte[] body = "{\"error\":\"invalid_grant\",\"error_description\":\"the refresh token was used\"}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(400, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.tokenEndpoint.start();
		this.registration = ClientRegistration.withRegistrationId("feishu")
			.clientId("cli_a")
			.clientSecret("s")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/feishu")
			.authorizationUri("http://127.0.0.1/authorize")
			.tokenUri("http://127.0.0.1:" + this.tokenEndpoint.getAddress().getPort() + "/token")
			.build();
	}

	@AfterEach
	void stop() {
		this.tokenEndpoint.stop(0);
	}

	@Test
	void shouldRemoveTheClientWhoseRefreshTokenIsRefused() {
		InMemoryOAuth2AuthorizedClientService clients = servletClients();
		clients.saveAuthorizedClient(client("u-1", "r-1", true), USER);
		OAuth2AuthorizedClientManager manager = SharedAuthorizedClientManagers.of(servletRegistrations(), clients);

		assertThatExceptionOfType(OAuth2AuthorizationException.class).isThrownBy(() -> manager.authorize(request()));

		assertThat((OAuth2AuthorizedClient) clients.loadAuthorizedClient("feishu", "ou_1")).isNull();
	}

	@Test
	void shouldKeepAClientAnotherReplicaRenewedWhileTheRefusedRefreshWasOnItsWay() {
		InMemoryOAuth2AuthorizedClientService clients = servletClients();
		clients.saveAuthorizedClient(client("u-1", "r-1", true), USER);
		this.meanwhile = () -> clients.saveAuthorizedClient(client("u-2", "r-2", false), USER);
		OAuth2AuthorizedClientManager manager = SharedAuthorizedClientManagers.of(servletRegistrations(), clients);

		assertThatExceptionOfType(RefusedRefresh.class).isThrownBy(() -> manager.authorize(request()))
			.satisfies((refused) -> assertThat(refused.renewedElsewhere()).isTrue());

		OAuth2AuthorizedClient kept = clients.loadAuthorizedClient("feishu", "ou_1");
		assertThat(kept.getAccessToken().getTokenValue()).isEqualTo("u-2");
	}

	@Test
	void shouldRemoveOrKeepAlikeOnTheReactiveStack() {
		InMemoryReactiveOAuth2AuthorizedClientService clients = new InMemoryReactiveOAuth2AuthorizedClientService(
				new InMemoryReactiveClientRegistrationRepository(this.registration));
		clients.saveAuthorizedClient(client("u-1", "r-1", true), USER).block();
		ReactiveOAuth2AuthorizedClientManager manager = SharedAuthorizedClientManagers
			.of(new InMemoryReactiveClientRegistrationRepository(this.registration), clients);
		this.meanwhile = () -> clients.saveAuthorizedClient(client("u-2", "r-2", false), USER).block();

		StepVerifier.create(manager.authorize(request())).expectError(RefusedRefresh.class).verify(Duration.ofSeconds(5));
		StepVerifier.create(clients.<OAuth2AuthorizedClient>loadAuthorizedClient("feishu", "ou_1"))
			.assertNext((kept) -> assertThat(kept.getAccessToken().getTokenValue()).isEqualTo("u-2"))
			.verifyComplete();

		this.meanwhile = () -> {
		};
		clients.saveAuthorizedClient(client("u-3", "r-3", true), USER).block();
		StepVerifier.create(manager.authorize(request())).expectError(RefusedRefresh.class).verify(Duration.ofSeconds(5));
		StepVerifier.create(clients.loadAuthorizedClient("feishu", "ou_1")).verifyComplete();
	}

	private InMemoryOAuth2AuthorizedClientService servletClients() {
		return new InMemoryOAuth2AuthorizedClientService(servletRegistrations());
	}

	private InMemoryClientRegistrationRepository servletRegistrations() {
		return new InMemoryClientRegistrationRepository(this.registration);
	}

	private OAuth2AuthorizeRequest request() {
		return OAuth2AuthorizeRequest.withClientRegistrationId("feishu").principal(USER).build();
	}

	private OAuth2AuthorizedClient client(String accessToken, String refreshToken, boolean expired) {
		Instant now = Instant.now();
		Instant issued = expired ? now.minus(Duration.ofHours(3)) : now;
		return new OAuth2AuthorizedClient(this.registration, "ou_1",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, issued,
						issued.plus(Duration.ofHours(2))),
				new OAuth2RefreshToken(refreshToken, issued));
	}

}
