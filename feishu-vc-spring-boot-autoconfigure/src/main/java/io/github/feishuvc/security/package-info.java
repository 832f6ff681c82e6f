/**
 * Acting as the signed-in user, with Spring Security's OAuth 2.0 client: Feishu as a sign-in provider (its nested
 * user info read by {@link io.github.feishuvc.security.FeishuUserInfo}) and the user access tokens of signed-in users
 * ({@link io.github.feishuvc.security.FeishuUserTokens}), refreshed with their refresh tokens.
 */
@NullMarked
package io.github.feishuvc.security;

import org.jspecify.annotations.NullMarked;
