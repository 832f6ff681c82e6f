package io.github.feishuvc.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Authorized-client managers for {@link AuthorizedClientUserTokens} that work outside requests, on the application's
 * authorized-client service, with the authorization-code and refresh-token providers, and safe when replicas share
 * that service: a refused refresh removes the user's authorized client as Spring Security does (the user must sign
 * in again) only if the stored client still holds the refused refresh token. One that another replica renewed
 * meanwhile is kept, and the call takes it.
 */
public final class SharedAuthorizedClientManagers {

	private SharedAuthorizedClientManagers() {
	}

	/**
	 * A blocking (servlet stack) manager.
	 * @param registrations the client registrations
	 * @param clients the authorized clients, shared by the replicas or not
	 * @return the manager
	 */
	public static OAuth2AuthorizedClientManager of(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, clients);
		OAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
				new AuthorizationCodeOAuth2AuthorizedClientProvider(), (context) -> {
					try {
						return refresh.authorize(context);
					}
					catch (ClientAuthorizationException ex) {
						throw RefusedRefresh.of(ex, context.getAuthorizedClient());
					}
				}));
		OAuth2AuthorizationFailureHandler remove = new RemoveAuthorizedClientOAuth2AuthorizationFailureHandler(
				(registrationId, principal, attributes) -> clients.removeAuthorizedClient(registrationId,
						principal.getName()));
		manager.setAuthorizationFailureHandler((ex, principal, attributes) -> {
			if (!(ex instanceof RefusedRefresh refused) || !refused.renewedIn(
					clients.loadAuthorizedClient(refused.getClientRegistrationId(), principal.getName()))) {
				remove.onAuthorizationFailure(ex, principal, attributes);
			}
		});
		return manager;
	}

	/**
	 * A reactive manager.
	 * @param registrations the client registrations
	 * @param clients the authorized clients, shared by the replicas or not
	 * @return the manager
	 */
	public static ReactiveOAuth2AuthorizedClientManager of(ReactiveClientRegistrationRepository registrations,
			ReactiveOAuth2AuthorizedClientService clients) {
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, clients);
		ReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
		manager.setAuthorizedClientProvider(new DelegatingReactiveOAuth2AuthorizedClientProvider(
				new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider(),
				(context) -> refresh.authorize(context)
					.onErrorMap(ClientAuthorizationException.class,
							(ex) -> RefusedRefresh.of(ex, context.getAuthorizedClient()))));
		ReactiveOAuth2AuthorizationFailureHandler remove = new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler(
				(registrationId, principal, attributes) -> clients.removeAuthorizedClient(registrationId,
						principal.getName()));
		manager.setAuthorizationFailureHandler((ex, principal, attributes) -> {
			if (!(ex instanceof RefusedRefresh refused)) {
				return remove.onAuthorizationFailure(ex, principal, attributes);
			}
			return clients.loadAuthorizedClient(refused.getClientRegistrationId(), principal.getName())
				.map(refused::renewedIn)
				.defaultIfEmpty(false)
				.flatMap((renewed) -> renewed ? Mono.empty() : remove.onAuthorizationFailure(ex, principal, attributes));
		});
		return manager;
	}

}
