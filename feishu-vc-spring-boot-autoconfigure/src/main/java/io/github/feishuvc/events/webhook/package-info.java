/**
 * Events pushed to the app's own endpoint (the webhook): the endpoint on WebFlux or Spring MVC, the request's
 * authentication (signature, decryption, timestamp, verification token) and a store app's {@code app_ticket}. The
 * only package that knows about HTTP servers.
 */
@NullMarked
package io.github.feishuvc.events.webhook;

import org.jspecify.annotations.NullMarked;
