package io.github.feishuvc.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.security.UserSignInApplicationTests.SignInApplication;
import io.github.feishuvc.support.RedisServer;
import io.github.feishuvc.support.Browser;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of a signed-in application sharing their authorized clients (as a JDBC or R2DBC service would) and
 * their state on a real Redis: when a user's token expires, calls of that user on both replicas at once refresh it
 * once for the fleet, and every call succeeds.
 */
class SharedUserTokensApplicationTests {

	private static final String USER = "ou_alice";

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final SharedClients clients = new SharedClients();

	private FeishuVcEmulator emulator;

	private RedisServer redis;

	@BeforeEach
	void start() {
		this.redis = RedisServer.start();
		this.emulator = FeishuVcEmulator.start();
		this.emulator.signInAs(USER);
	}

	@AfterEach
	void stop() {
		this.replicas.forEach(ConfigurableApplicationContext::close);
		this.emulator.close();
		this.redis.close();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldRefreshAUserOnceForTheFleetAndSucceedOnEveryReplica(WebApplicationType type) throws Exception {
		ConfigurableApplicationContext first = startReplica(type);
		ConfigurableApplicationContext second = startReplica(type);
		String reserveId = signIn(first);

		this.emulator.expireUserAccessTokens();
		List<String> owners = Flux.range(0, 40)
			.flatMap((i) -> {
				ConfigurableApplicationContext replica = (i % 2 == 0) ? first : second;
				return replica.getBean(ReserveOperations.class)
					.withUserAccessToken(replica.getBean(FeishuUserTokens.class).of(USER))
					.get(reserveId);
			}, 40)
			.map(Reserve::reserveUserId)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(owners).hasSize(40).containsOnly(USER);
		assertThat(refreshes()).as("refreshes of the fleet").isOne();
		assertThat(this.clients.stored()).as("the user's client, kept").isNotNull();
	}

	private long refreshes() {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.endpoint() == Endpoint.USER_ACCESS_TOKEN)
			.map(RecordedRequest::body)
			.filter((body) -> body.contains("grant_type=refresh_token"))
			.count();
	}

	/** Signs the user in on one replica, as a browser does, and has it make a reservation as the user. */
	private String signIn(ConfigurableApplicationContext replica) throws Exception {
		HttpResponse<String> response = new Browser().get(replica, "/my-reserve");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

	private ConfigurableApplicationContext startReplica(WebApplicationType type) {
		ConfigurableApplicationContext replica = TestFeishu.webApplication(SignInApplication.class, type, this.emulator)
			.properties("spring.security.oauth2.client.registration.feishu.client-id=" + this.emulator.appId(),
					"spring.security.oauth2.client.registration.feishu.client-secret=" + this.emulator.appSecret(),
					"feishu.vc.shared-state.type=redis")
			.properties(this.redis.springProperties().toArray(String[]::new))
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("sharedAuthorizedClients", this.clients.service(type)))
			.run();
		this.replicas.add(replica);
		return replica;
	}

	/** The replicas' one store of authorized clients, as a shared database table would be, for either stack. */
	static final class SharedClients {

		private final Map<String, OAuth2AuthorizedClient> clients = new ConcurrentHashMap<>();

		@Nullable OAuth2AuthorizedClient stored() {
			return this.clients.get("feishu:" + USER);
		}

		Object service(WebApplicationType type) {
			return (type == WebApplicationType.SERVLET) ? new OAuth2AuthorizedClientService() {

				@Override
				@SuppressWarnings("unchecked")
				public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String registrationId,
						String principalName) {
					return (T) SharedClients.this.clients.get(registrationId + ":" + principalName);
				}

				@Override
				public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
					save(client, principal);
				}

				@Override
				public void removeAuthorizedClient(String registrationId, String principalName) {
					SharedClients.this.clients.remove(registrationId + ":" + principalName);
				}

			} : new ReactiveOAuth2AuthorizedClientService() {

				@Override
				@SuppressWarnings("unchecked")
				public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String registrationId,
						String principalName) {
					return Mono.fromSupplier(() -> (T) SharedClients.this.clients.get(registrationId + ":" + principalName));
				}

				@Override
				public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal) {
					return Mono.fromRunnable(() -> save(client, principal));
				}

				@Override
				public Mono<Void> removeAuthorizedClient(String registrationId, String principalName) {
					return Mono.fromRunnable(() -> SharedClients.this.clients.remove(registrationId + ":" + principalName));
				}

			};
		}

		private void save(OAuth2AuthorizedClient client, Authentication principal) {
			this.clients.put(client.getClientRegistration().getRegistrationId() + ":" + principal.getName(), client);
		}

	}

}
