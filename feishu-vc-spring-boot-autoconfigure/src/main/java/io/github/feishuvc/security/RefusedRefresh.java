package io.github.feishuvc.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * The platform refused to refresh a user's token, with the authorized client whose refresh token it refused: another
 * replica may have spent that refresh token and saved the client it got, which must then be kept, not removed.
 */
final class RefusedRefresh extends ClientAuthorizationException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable OAuth2AuthorizedClient refused;

	private volatile boolean renewedElsewhere;

	private RefusedRefresh(ClientAuthorizationException cause, @Nullable OAuth2AuthorizedClient refused) {
		super(cause.getError(), cause.getClientRegistrationId(), cause.getMessage(), cause);
		this.refused = refused;
	}

	static RefusedRefresh of(ClientAuthorizationException cause, @Nullable OAuth2AuthorizedClient refused) {
		return (cause instanceof RefusedRefresh already) ? already : new RefusedRefresh(cause, refused);
	}

	/**
	 * Whether the client stored now holds another refresh token than the refused one: renewed meanwhile, by another
	 * replica. Remembered, so that the call can take the renewed client.
	 */
	boolean renewedIn(@Nullable OAuth2AuthorizedClient stored) {
		OAuth2RefreshToken refusedToken = (this.refused != null) ? this.refused.getRefreshToken() : null;
		OAuth2RefreshToken storedToken = (stored != null) ? stored.getRefreshToken() : null;
		this.renewedElsewhere = refusedToken != null && storedToken != null
				&& !storedToken.getTokenValue().equals(refusedToken.getTokenValue());
		return this.renewedElsewhere;
	}

	boolean renewedElsewhere() {
		return this.renewedElsewhere;
	}

}
