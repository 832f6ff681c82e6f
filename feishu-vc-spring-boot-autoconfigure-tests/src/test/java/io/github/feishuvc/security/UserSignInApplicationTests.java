package io.github.feishuvc.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcSignInRequiredException;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.Browser;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import io.github.feishuvc.test.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with Feishu as users do, in a WebFlux and a Spring MVC application with nothing but the registration's
 * id and secret: a browser (redirects and cookies over real HTTP) signs in at the emulator, and the application makes
 * a reservation as that user and reads it back, refreshing the user's token when the platform says it expired, and
 * asking the user to sign in again when the refresh token is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserSignInApplicationTests {

	private static final String USER = "ou_alice";

	private FeishuVcEmulator emulator;

	private ConfigurableApplicationContext context;

	private final Browser browser = new Browser();

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.emulator.signInAs(USER);
	}

	@AfterEach
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
		this.emulator.close();
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldSignInAndActAsTheUser(WebApplicationType type) throws Exception {
		startApplication(type);

		HttpResponse<String> response = get("/my-reserve");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"owner\":\"" + USER + "\"").contains("\"user\":\"" + USER + "\"");
		assertThat(this.emulator.requestCount(Endpoint.USER_AUTHORIZE)).isEqualTo(1);
		assertThat(this.emulator.requestCount(Endpoint.USER_ACCESS_TOKEN)).isEqualTo(1);
		assertThat(this.emulator.requestCount(Endpoint.USER_INFO)).isEqualTo(1);
		RecordedRequest tokenRequest = this.emulator.lastRequest(Endpoint.USER_ACCESS_TOKEN).orElseThrow();
		assertThat(tokenRequest.body()).contains("grant_type=authorization_code").contains("client_secret=");
		assertThat(tokenRequest.authorization()).isNull();
		assertThat(this.emulator.lastRequest(Endpoint.USER_AUTHORIZE).orElseThrow().uri())
			.contains("scope=vc:reserve%20vc:reserve:readonly%20vc:meeting%20vc:meeting:readonly%20vc:record"
					+ "%20vc:record:readonly%20offline_access")
			.as("PKCE, which the emulator checks")
			.contains("code_challenge_method=S256");
		String reserveId = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		StepVerifier.create(this.context.getBean(ReserveOperations.class).get(reserveId))
			.expectError(FeishuVcPermissionDeniedException.class)
			.verify(Duration.ofSeconds(10));
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldRefreshAnExpiredTokenWithoutTheCallerNoticing(WebApplicationType type) throws Exception {
		startApplication(type);
		assertThat(get("/my-reserve").statusCode()).isEqualTo(200);
		String firstToken = lastUserToken();

		this.emulator.expireUserAccessTokens();
		HttpResponse<String> response = get("/my-reserve");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"owner\":\"" + USER + "\"");
		assertThat(this.emulator.requestCount(Endpoint.USER_ACCESS_TOKEN)).isEqualTo(2);
		assertThat(this.emulator.lastRequest(Endpoint.USER_ACCESS_TOKEN).orElseThrow().body())
			.contains("grant_type=refresh_token");
		assertThat(lastUserToken()).isNotEqualTo(firstToken);
		assertThat(this.emulator.requestCount(Endpoint.USER_AUTHORIZE)).as("no new sign-in").isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldSpendARefreshTokenOnceForManyConcurrentCallsOfOneUser(WebApplicationType type) throws Exception {
		startApplication(type);
		HttpResponse<String> signedIn = get("/my-reserve");
		String reserveId = signedIn.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		ReserveOperations reserves = this.context.getBean(ReserveOperations.class);
		FeishuUserTokens userTokens = this.context.getBean(FeishuUserTokens.class);

		this.emulator.expireUserAccessTokens();
		List<String> owners = Flux.range(0, 40)
			.flatMap((i) -> reserves.withUserAccessToken(userTokens.of(USER)).get(reserveId), 40)
			.map(Reserve::reserveUserId)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(owners).hasSize(40).containsOnly(USER);
		assertThat(this.emulator.requestCount(Endpoint.USER_ACCESS_TOKEN)).as("the code, then one refresh").isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldAskTheUserToSignInAgainWhenTheRefreshIsRefused(WebApplicationType type) throws Exception {
		startApplication(type);
		assertThat(get("/my-reserve").statusCode()).isEqualTo(200);

		this.emulator.expireUserAccessTokens();
		this.emulator.revokeRefreshTokens();
		HttpResponse<String> response = get("/my-reserve");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"signInAgain\":\"" + USER + "\"}");
		FeishuUserTokens userTokens = this.context.getBean(FeishuUserTokens.class);
		StepVerifier.create(this.context.getBean(ReserveOperations.class)
			.withUserAccessToken(userTokens.of(USER))
			.get("any"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(FeishuVcSignInRequiredException.class)
				.hasMessageContaining(USER)
				.hasMessageNotContaining("u-")
				.hasMessageNotContaining("r-"))
			.verify(Duration.ofSeconds(10));
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "REACTIVE", "SERVLET" })
	void shouldNeverLogAUserToken(WebApplicationType type, CapturedOutput output) throws Exception {
		startApplication(type, "logging.level.io.github.feishuvc=DEBUG", "logging.level.org.springframework.security=DEBUG");
		assertThat(get("/my-reserve").statusCode()).isEqualTo(200);
		this.emulator.expireUserAccessTokens();
		assertThat(get("/my-reserve").statusCode()).isEqualTo(200);
		this.emulator.expireUserAccessTokens();
		this.emulator.revokeRefreshTokens();
		assertThat(get("/my-reserve").body()).contains("signInAgain");

		List<String> secrets = new ArrayList<>();
		for (RecordedRequest request : this.emulator.requests()) {
			if (request.authorization() != null) {
				secrets.add(request.authorization().substring("Bearer ".length()));
			}
			Matcher refreshTokens = Pattern.compile("refresh_token=(r-[0-9a-f]+)").matcher(request.body());
			while (refreshTokens.find()) {
				secrets.add(refreshTokens.group(1));
			}
		}
		assertThat(secrets).anyMatch((secret) -> secret.startsWith("u-")).anyMatch((secret) -> secret.startsWith("r-"));
		assertThat(output.toString()).contains("FeishuVc").doesNotContain(secrets).doesNotContain(this.emulator.appSecret());
	}

	private String lastUserToken() {
		return this.emulator.lastRequest("reserve.get").orElseThrow().authorization();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.get(this.context, path);
	}

	private void startApplication(WebApplicationType type, String... properties) {
		this.context = TestFeishu.webApplication(SignInApplication.class, type, this.emulator)
			.properties("spring.security.oauth2.client.registration.feishu.client-id=" + this.emulator.appId(),
					"spring.security.oauth2.client.registration.feishu.client-secret=" + this.emulator.appSecret())
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(MyReserveController.class)
	static class SignInApplication {

	}

	/** What an application writes: act as whoever signed in. */
	@RestController
	static class MyReserveController {

		private final ReserveOperations reserves;

		private final FeishuUserTokens userTokens;

		MyReserveController(ReserveOperations reserves, FeishuUserTokens userTokens) {
			this.reserves = reserves;
			this.userTokens = userTokens;
		}

		@GetMapping("/my-reserve")
		Mono<Map<String, Object>> myReserve(Authentication user) {
			ReserveOperations mine = this.reserves.withUserAccessToken(this.userTokens.of(user));
			return mine.apply(ReserveApplyRequest.builder()
				.endTime(Instant.now().plus(Duration.ofDays(1)))
				.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Mine").build())
				.build())
				.flatMap((applied) -> mine.get(applied.reserve().id()))
				.map((reserve) -> {
					Map<String, Object> answer = new LinkedHashMap<>();
					answer.put("id", reserve.id());
					answer.put("owner", reserve.reserveUserId());
					answer.put("user", user.getName());
					return answer;
				})
				.onErrorResume(FeishuVcSignInRequiredException.class,
						(ex) -> Mono.just(Map.of("signInAgain", ex.principalName())));
		}

	}

}
