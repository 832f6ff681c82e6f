package io.github.feishuvc.support;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import reactor.core.publisher.Mono;

/** A tenant token provider that needs no network: always the same token. */
public final class FixedTenantToken implements TenantAccessTokenProvider {

	private final String token;

	public FixedTenantToken(String token) {
		this.token = token;
	}

	@Override
	public Mono<String> getToken() {
		return Mono.just(this.token);
	}

	@Override
	public void invalidate(String token) {
	}

}
