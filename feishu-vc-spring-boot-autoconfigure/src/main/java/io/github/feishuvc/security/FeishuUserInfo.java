package io.github.feishuvc.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Reads Feishu's user info ({@code GET /open-apis/authen/v1/user_info}), which wraps the user in an envelope
 * ({@code {"code":0,"msg":"success","data":{"open_id":...}}}), as Spring Security's user services expect it: the
 * attributes are those of {@code data}, so the user's name attribute is {@code open_id}; an answer with a code other
 * than 0 fails the sign-in. Set on Spring Security's {@code DefaultOAuth2UserService} or
 * {@code DefaultReactiveOAuth2UserService} with {@code setAttributesConverter}; other providers' answers pass as
 * they are.
 */
public final class FeishuUserInfo implements Converter<OAuth2UserRequest, Converter<Map<String, Object>, Map<String, Object>>> {

	/** The path of Feishu's user info, by which a registration is known to be Feishu's. */
	public static final String PATH = "/open-apis/authen/v1/user_info";

	/** The user attribute that names the user: their open id. */
	public static final String NAME_ATTRIBUTE = "open_id";

	@Override
	public Converter<Map<String, Object>, Map<String, Object>> convert(OAuth2UserRequest request) {
		return isFeishu(request.getClientRegistration()) ? FeishuUserInfo::unwrap : (attributes) -> attributes;
	}

	static boolean isFeishu(ClientRegistration registration) {
		String uri = registration.getProviderDetails().getUserInfoEndpoint().getUri();
		return uri != null && uri.endsWith(PATH);
	}

	private static Map<String, Object> unwrap(Map<String, Object> envelope) {
		Object code = envelope.get("code");
		if (!(code instanceof Number number) || number.intValue() != 0) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response",
					"Feishu refused the user info: code " + code + ", " + envelope.get("msg"), null));
		}
		if (!(envelope.get("data") instanceof Map<?, ?> data) || !(data.get(NAME_ATTRIBUTE) instanceof String)) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info_response",
					"Feishu's user info has no data." + NAME_ATTRIBUTE, null));
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		data.forEach((name, value) -> attributes.put(String.valueOf(name), value));
		return attributes;
	}

}
