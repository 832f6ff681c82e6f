/**
 * The event endpoint: receives the events the platform pushes to the app's event request URL (decrypting them and
 * checking their signature, timestamp and verification token), keeps a store app's {@code app_ticket} in the
 * {@link io.github.feishuvc.auth.AppTicketStore}, and publishes every other event as a
 * {@link io.github.feishuvc.events.FeishuEvent}. The only package that knows about HTTP servers (WebFlux and Spring
 * MVC).
 */
@NullMarked
package io.github.feishuvc.events;

import org.jspecify.annotations.NullMarked;
