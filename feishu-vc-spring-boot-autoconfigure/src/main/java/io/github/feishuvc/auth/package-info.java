/**
 * Tenant access tokens: {@link io.github.feishuvc.auth.TenantAccessTokenProvider} and its caching, single-flight
 * implementation.
 */
@NullMarked
package io.github.feishuvc.auth;

import org.jspecify.annotations.NullMarked;
