/**
 * The platform's events, whichever way they arrive: {@link io.github.feishuvc.events.FeishuEvent}, the
 * {@link io.github.feishuvc.events.EventDispatcher} that publishes each event id once, and the ids already published
 * ({@link io.github.feishuvc.events.PublishedEventIds}). Each way of receiving events has a package of its own, such as
 * {@link io.github.feishuvc.events.webhook} for the app's endpoint.
 */
@NullMarked
package io.github.feishuvc.events;

import org.jspecify.annotations.NullMarked;
