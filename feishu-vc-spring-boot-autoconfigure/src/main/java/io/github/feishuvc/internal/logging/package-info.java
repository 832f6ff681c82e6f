/**
 * Logging helpers of the starter's own, used by every layer, the event endpoint among them: a leaf that depends on
 * nothing else of ours, so that using it brings no other layer along. <b>Not API</b>: public only because several
 * packages use it; any release may change it.
 */
@NullMarked
package io.github.feishuvc.internal.logging;

import org.jspecify.annotations.NullMarked;
