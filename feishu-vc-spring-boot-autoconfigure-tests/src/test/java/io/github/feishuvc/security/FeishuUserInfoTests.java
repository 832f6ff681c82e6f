package io.github.feishuvc.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FeishuUserInfo} unwraps the envelope of Feishu's user info, and leaves another provider's as it came: an
 * application may sign users in with more than one.
 */
class FeishuUserInfoTests {

	@Test
	void shouldUnwrapFeishusUserInfoAndLeaveAnotherProvidersAlone() {
		Map<String, Object> feishu = Map.of("code", 0, "msg", "success", "data", Map.of("open_id", "ou_1"));
		Map<String, Object> other = Map.of("sub", "1234", "data", Map.of("open_id", "not-this"));

		assertThat(new FeishuUserInfo().convert(request("https://open.feishu.cn" + FeishuUserInfo.PATH)).convert(feishu))
			.containsExactly(Map.entry("open_id", "ou_1"));
		assertThat(new FeishuUserInfo().convert(request("https://accounts.example/userinfo")).convert(other))
			.isSameAs(other);
	}

	private static OAuth2UserRequest request(String userInfoUri) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("any")
			.clientId("cli_a")
			.clientSecret("s")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/any")
			.authorizationUri("https://accounts.example/authorize")
			.tokenUri("https://accounts.example/token")
			.userInfoUri(userInfoUri)
			.userNameAttributeName("open_id")
			.build();
		return new OAuth2UserRequest(registration,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "u-token", null, null));
	}

}
