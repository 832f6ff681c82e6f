/**
 * The starter's own plumbing, shared by the packages of the API families and by the emulator: the declarations of the
 * platform's endpoints ({@link io.github.feishuvc.internal.FeishuApi}, one catalog per family) and the one caller that
 * makes any of them. <b>Not API</b>: public only because several packages use it; any release may change it.
 */
@NullMarked
package io.github.feishuvc.internal;

import org.jspecify.annotations.NullMarked;
