/**
 * Events over the platform's long connection: a WebSocket the app opens, for self-built apps without a public URL.
 */
@NullMarked
package io.github.feishuvc.events.longconnection;

import org.jspecify.annotations.NullMarked;
