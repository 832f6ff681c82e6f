package io.github.feishuvc.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.feishuvc.security.FeishuUserInfo;
import io.github.feishuvc.security.FeishuUserTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Feishu as a provider of Spring Security's OAuth 2.0 client, when the application registers a client named
 * {@code feishu} ({@code spring.security.oauth2.client.registration.feishu.client-id} and {@code client-secret}, the
 * app's id and secret): the provider's URIs (Feishu's, or Lark's, or the emulator's, from
 * {@code feishu.vc.base-url}), {@code client_secret_post}, the scopes a VC app needs plus {@code offline_access}, and a
 * user service that reads Feishu's nested user info, so that {@code oauth2Login()} works with nothing more. Whatever
 * the application sets under {@code spring.security.oauth2.client.*} wins over these defaults.
 * <p>
 * The provider is supplied whether or not the VC client is on: a test profile with {@code feishu.vc.enabled=false}
 * keeps the application's sign-in, which Spring Boot would otherwise refuse for want of a provider.
 */
@AutoConfiguration(after = FeishuVcAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration" })
@ConditionalOnClass({ ClientRegistration.class, OAuth2ClientProperties.class })
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration." + FeishuUserTokens.REGISTRATION_ID,
		name = "client-id")
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public final class FeishuVcOAuth2ClientAutoConfiguration {

	/**
	 * What a VC app asks a user to grant unless the registration names its own scopes: one scope of every reservation,
	 * meeting and recording operation a user's token may carry (the reads take the {@code :readonly} ones), and
	 * {@code offline_access} for a refresh token.
	 */
	public static final List<String> DEFAULT_SCOPES = List.of("vc:reserve", "vc:reserve:readonly", "vc:meeting",
			"vc:meeting:readonly", "vc:record", "vc:record:readonly", "offline_access");

	static final String AUTHORIZE_PATH = "/open-apis/authen/v1/authorize";

	static final String TOKEN_PATH = "/open-apis/authen/v2/oauth/token";

	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.NotReactiveWebApplication.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(org.springframework.security.oauth2.client.registration.ClientRegistrationRepository.class)
		InMemoryClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
				Environment environment) {
			return new InMemoryClientRegistrationRepository(registrations(properties, baseUrl(environment)));
		}

		@Bean
		@ConditionalOnMissingBean
		OAuth2UserService<OAuth2UserRequest, OAuth2User> feishuOAuth2UserService() {
			DefaultOAuth2UserService users = new DefaultOAuth2UserService();
			users.setAttributesConverter(new FeishuUserInfo());
			return users;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "reactor.core.publisher.Flux")
	@Conditional(FeishuVcConditions.NotServletWebApplication.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean(org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository.class)
		InMemoryReactiveClientRegistrationRepository reactiveClientRegistrationRepository(
				OAuth2ClientProperties properties, Environment environment) {
			return new InMemoryReactiveClientRegistrationRepository(registrations(properties, baseUrl(environment)));
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveOAuth2UserService<OAuth2UserRequest, OAuth2User> feishuReactiveOAuth2UserService() {
			DefaultReactiveOAuth2UserService users = new DefaultReactiveOAuth2UserService();
			users.setAttributesConverter(new FeishuUserInfo());
			return users;
		}

	}

	/**
	 * The platform's base URL as {@link FeishuVcProperties} binds it, read from the environment alone: with the client
	 * off ({@code feishu.vc.enabled=false}) there is no properties bean, and binding the whole class would refuse what
	 * only the client needs.
	 */
	static String baseUrl(Environment environment) {
		return Binder.get(environment)
			.bind(FeishuVcProperties.PREFIX + ".base-url", String.class)
			.orElse(FeishuVcProperties.DEFAULT_BASE_URL);
	}

	/** Every registration of the application, Feishu's completed with the provider's defaults. */
	static List<ClientRegistration> registrations(OAuth2ClientProperties properties, String baseUrl) {
		OAuth2ClientProperties completed = new OAuth2ClientProperties();
		completed.getRegistration().putAll(properties.getRegistration());
		completed.getProvider().putAll(properties.getProvider());
		String id = FeishuUserTokens.REGISTRATION_ID;
		OAuth2ClientProperties.Registration registration = copy(properties.getRegistration().get(id));
		completed.getRegistration().put(id, registration);
		String providerId = (registration.getProvider() != null) ? registration.getProvider() : id;
		if (providerId.equals(id)) {
			completed.getProvider().put(id, provider(properties.getProvider().get(id), baseUrl));
		}
		return new ArrayList<>(new OAuth2ClientPropertiesMapper(completed).asClientRegistrations().values());
	}

	private static OAuth2ClientProperties.Registration copy(OAuth2ClientProperties.Registration given) {
		OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
		registration.setProvider(given.getProvider());
		registration.setClientId(given.getClientId());
		registration.setClientSecret(given.getClientSecret());
		registration.setClientAuthenticationMethod((given.getClientAuthenticationMethod() != null)
				? given.getClientAuthenticationMethod() : ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());
		registration.setAuthorizationGrantType((given.getAuthorizationGrantType() != null)
				? given.getAuthorizationGrantType() : AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
		registration.setRedirectUri((given.getRedirectUri() != null) ? given.getRedirectUri()
				: "{baseUrl}/login/oauth2/code/{registrationId}");
		Set<String> scopes = given.getScope();
		registration.setScope((scopes != null && !scopes.isEmpty()) ? scopes : new LinkedHashSet<>(DEFAULT_SCOPES));
		registration.setClientName((given.getClientName() != null) ? given.getClientName() : "Feishu");
		return registration;
	}

	private static OAuth2ClientProperties.Provider provider(OAuth2ClientProperties.@Nullable Provider given, String baseUrl) {
		OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
		String base = trimSlash(baseUrl);
		provider.setAuthorizationUri(orDefault((given != null) ? given.getAuthorizationUri() : null,
				accountsUrl(base) + AUTHORIZE_PATH));
		provider.setTokenUri(orDefault((given != null) ? given.getTokenUri() : null, base + TOKEN_PATH));
		provider.setUserInfoUri(orDefault((given != null) ? given.getUserInfoUri() : null, base + FeishuUserInfo.PATH));
		provider.setUserInfoAuthenticationMethod(
				orDefault((given != null) ? given.getUserInfoAuthenticationMethod() : null, "header"));
		provider.setUserNameAttribute(orDefault((given != null) ? given.getUserNameAttribute() : null,
				FeishuUserInfo.NAME_ATTRIBUTE));
		if (given != null) {
			provider.setJwkSetUri(given.getJwkSetUri());
			provider.setIssuerUri(given.getIssuerUri());
		}
		return provider;
	}

	/**
	 * Where users sign in: the platform's accounts host ({@code accounts.feishu.cn}, {@code accounts.larksuite.com})
	 * beside its open API host; any other base URL (the emulator, a proxy) serves both.
	 */
	static String accountsUrl(String baseUrl) {
		URI uri = URI.create(baseUrl);
		String host = uri.getHost();
		if (host != null && host.startsWith("open.")
				&& (host.endsWith(".feishu.cn") || host.endsWith(".larksuite.com"))) {
			return uri.getScheme() + "://accounts." + host.substring("open.".length());
		}
		return baseUrl;
	}

	private static String orDefault(@Nullable String given, String value) {
		return (given != null && !given.isBlank()) ? given : value;
	}

	private static String trimSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
