package io.github.feishuvc.auth;

import java.util.concurrent.atomic.AtomicReference;

/** Counts the failed fetches of the tenants' tokens, told of every fetch's outcome. */
final class TenantFailureCount {

	private final AtomicReference<TenantTokenFailures> failures = new AtomicReference<>(TenantTokenFailures.NONE);

	void record(String tenantKey, TokenRefresh refresh) {
		if (!refresh.succeeded()) {
			this.failures.updateAndGet((seen) -> new TenantTokenFailures(seen.count() + 1, tenantKey, refresh));
		}
	}

	TenantTokenFailures snapshot() {
		return this.failures.get();
	}

}
