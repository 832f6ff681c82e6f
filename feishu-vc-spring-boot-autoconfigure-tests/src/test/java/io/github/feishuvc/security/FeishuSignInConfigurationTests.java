package io.github.feishuvc.security;

import java.util.Map;

import io.github.feishuvc.autoconfigure.FeishuVcAutoConfiguration;
import io.github.feishuvc.autoconfigure.FeishuVcOAuth2ClientAutoConfiguration;
import io.github.feishuvc.autoconfigure.FeishuVcUserTokensAutoConfiguration;
import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Feishu as a provider of Spring Security's OAuth 2.0 client, from the registration's id and secret alone. */
class FeishuSignInConfigurationTests {

	private static final String REGISTRATION = "spring.security.oauth2.client.registration.feishu.";

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(FeishuVcAutoConfiguration.class,
			FeishuVcOAuth2ClientAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
			ReactiveOAuth2ClientAutoConfiguration.class, FeishuVcUserTokensAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
		.withPropertyValues("feishu.vc.app-id=cli_a", "feishu.vc.app-secret=s", REGISTRATION + "client-id=cli_a",
				REGISTRATION + "client-secret=s");

	@Test
	void shouldSupplyFeishusProviderAndTheScopesOfAVcApp() {
		this.contextRunner.run((context) -> {
			ClientRegistration feishu = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("feishu");
			assertThat(feishu.getProviderDetails().getAuthorizationUri())
				.isEqualTo("https://accounts.feishu.cn/open-apis/authen/v1/authorize");
			assertThat(feishu.getProviderDetails().getTokenUri())
				.isEqualTo("https://open.feishu.cn/open-apis/authen/v2/oauth/token");
			assertThat(feishu.getProviderDetails().getUserInfoEndpoint().getUri())
				.isEqualTo("https://open.feishu.cn/open-apis/authen/v1/user_info");
			assertThat(feishu.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName())
				.isEqualTo("open_id");
			assertThat(feishu.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			assertThat(feishu.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
			assertThat(feishu.getScopes()).containsExactly("vc:reserve", "vc:reserve:readonly", "vc:meeting",
					"vc:meeting:readonly", "vc:record", "vc:record:readonly", "offline_access");
			assertThat(feishu.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
			assertThat(context).hasSingleBean(OAuth2UserService.class).hasSingleBean(FeishuUserTokens.class);
		});
	}

	@Test
	void shouldSignInAtLarkForLarksBaseUrl() {
		this.contextRunner.withPropertyValues("feishu.vc.base-url=https://open.larksuite.com").run((context) -> {
			ClientRegistration feishu = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("feishu");
			assertThat(feishu.getProviderDetails().getAuthorizationUri())
				.isEqualTo("https://accounts.larksuite.com/open-apis/authen/v1/authorize");
			assertThat(feishu.getProviderDetails().getTokenUri())
				.isEqualTo("https://open.larksuite.com/open-apis/authen/v2/oauth/token");
		});
	}

	@Test
	void shouldLetWhatTheApplicationSetsWin() {
		this.contextRunner
			.withPropertyValues(REGISTRATION + "scope=vc:reserve:readonly",
					REGISTRATION + "redirect-uri={baseUrl}/signed-in/feishu",
					"spring.security.oauth2.client.provider.feishu.token-uri=https://proxy.example/token",
					"spring.security.oauth2.client.registration.github.client-id=gh",
					"spring.security.oauth2.client.registration.github.client-secret=ghs")
			.run((context) -> {
				ClientRegistrationRepository registrations = context.getBean(ClientRegistrationRepository.class);
				ClientRegistration feishu = registrations.findByRegistrationId("feishu");
				assertThat(feishu.getScopes()).containsExactly("vc:reserve:readonly");
				assertThat(feishu.getRedirectUri()).isEqualTo("{baseUrl}/signed-in/feishu");
				assertThat(feishu.getProviderDetails().getTokenUri()).isEqualTo("https://proxy.example/token");
				assertThat(feishu.getProviderDetails().getAuthorizationUri())
					.isEqualTo("https://accounts.feishu.cn/open-apis/authen/v1/authorize");
				assertThat(registrations.findByRegistrationId("github").getProviderDetails().getTokenUri())
					.isEqualTo("https://github.com/login/oauth/access_token");
			});
	}

	@Test
	void shouldStayAwayWithoutAFeishuRegistration() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues("feishu.vc.app-id=cli_a", "feishu.vc.app-secret=s")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ClientRegistrationRepository.class)
				.doesNotHaveBean(OAuth2UserService.class)
				.doesNotHaveBean(FeishuUserTokens.class));
	}

	/**
	 * The test profile of docs/testing.md ({@code feishu.vc.enabled=false}) keeps an application that signs in with
	 * Feishu starting: the provider comes from the environment's base URL, not from the client's beans. The user
	 * tokens belong to the client and are off with it (the recipe says to mock them).
	 */
	@Test
	void shouldSupplyFeishusProviderWhenTheClientIsOff() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("feishu.vc.enabled=false", "feishu.vc.base-url=https://open.larksuite.com/",
					REGISTRATION + "client-id=cli_a", REGISTRATION + "client-secret=s")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(FeishuVcClient.class)
					.doesNotHaveBean(FeishuUserTokens.class)
					.hasSingleBean(OAuth2UserService.class);
				ClientRegistration feishu = context.getBean(ClientRegistrationRepository.class)
					.findByRegistrationId("feishu");
				assertThat(feishu.getProviderDetails().getAuthorizationUri())
					.isEqualTo("https://accounts.larksuite.com/open-apis/authen/v1/authorize");
				assertThat(feishu.getProviderDetails().getTokenUri())
					.isEqualTo("https://open.larksuite.com/open-apis/authen/v2/oauth/token");
			});
	}

	@Test
	void shouldServeReactiveApplicationsToo() {
		new ReactiveWebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withConfiguration(TestFeishu.BOOT_WEB_CLIENT)
			.withPropertyValues("feishu.vc.app-id=cli_a", "feishu.vc.app-secret=s", REGISTRATION + "client-id=cli_a",
					REGISTRATION + "client-secret=s")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveOAuth2UserService.class)
					.hasSingleBean(FeishuUserTokens.class)
					.doesNotHaveBean(ClientRegistrationRepository.class);
				assertThat(context.getBean(ReactiveClientRegistrationRepository.class)
					.findByRegistrationId("feishu")
					.block()
					.getProviderDetails()
					.getUserInfoEndpoint()
					.getUserNameAttributeName()).isEqualTo("open_id");
			});
	}

	@Test
	void shouldReadFeishusNestedUserInfoAndRefuseAnErrorAnswer() {
		this.contextRunner.run((context) -> {
			ClientRegistration feishu = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("feishu");
			OAuth2UserRequest request = new OAuth2UserRequest(feishu, new OAuth2AccessToken(
					OAuth2AccessToken.TokenType.BEARER, "u-token", null, null));
			FeishuUserInfo userInfo = new FeishuUserInfo();
			Map<String, Object> attributes = userInfo.convert(request)
				.convert(Map.of("code", 0, "msg", "success", "data",
						Map.of("open_id", "ou_1", "tenant_key", "t", "name", "Alice")));
			assertThat(attributes).containsEntry("open_id", "ou_1").containsEntry("tenant_key", "t");
			assertThatExceptionOfType(OAuth2AuthenticationException.class)
				.isThrownBy(() -> userInfo.convert(request).convert(Map.of("code", 20005, "msg", "invalid token")))
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_user_info_response"));
			assertThatExceptionOfType(OAuth2AuthenticationException.class)
				.isThrownBy(() -> userInfo.convert(request).convert(Map.of("code", 0, "data", Map.of("name", "x"))));
		});
	}

}
