package io.github.feishuvc.core;

import io.github.feishuvc.core.FeishuVcObservationDocumentation.HighCardinalityKeyNames;
import io.github.feishuvc.core.FeishuVcObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of Feishu call observations: {@code feishu.vc.client}, named after the operation, tagged
 * with operation, outcome, platform code and exception.
 */
public class DefaultFeishuVcObservationConvention implements FeishuVcObservationConvention {

	/** The observation's name, and so the timer's. */
	public static final String NAME = "feishu.vc.client";

	private static final KeyValue NO_CODE = KeyValue.of(LowCardinalityKeyNames.CODE, "none");

	private static final KeyValue SUCCESS_CODE = KeyValue.of(LowCardinalityKeyNames.CODE, "0");

	private static final KeyValue NO_EXCEPTION = KeyValue.of(LowCardinalityKeyNames.EXCEPTION, "none");

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(FeishuVcObservationContext context) {
		return "feishu " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(FeishuVcObservationContext context) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation()),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(context)), code(context), exception(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(FeishuVcObservationContext context) {
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.ATTEMPTS, Integer.toString(context.getAttempts())));
	}

	private static String outcome(FeishuVcObservationContext context) {
		if (context.isSucceeded()) {
			return "SUCCESS";
		}
		if (context.isCancelled()) {
			return "CANCELLED";
		}
		Throwable error = context.getError();
		if (error instanceof FeishuVcApiException) {
			return "PLATFORM_ERROR";
		}
		if (error instanceof FeishuVcInvalidResponseException) {
			return "INVALID_RESPONSE";
		}
		if (error instanceof FeishuVcTransportException) {
			return "TRANSPORT_ERROR";
		}
		if (error instanceof FeishuVcClientRateLimitException) {
			return "CLIENT_RATE_LIMITED";
		}
		return (error != null) ? "ERROR" : "UNKNOWN";
	}

	private static KeyValue code(FeishuVcObservationContext context) {
		Integer code = context.getCode();
		if (code != null) {
			return KeyValue.of(LowCardinalityKeyNames.CODE, Integer.toString(code));
		}
		return context.isSucceeded() ? SUCCESS_CODE : NO_CODE;
	}

	private static KeyValue exception(FeishuVcObservationContext context) {
		Throwable error = context.getError();
		return (error != null) ? KeyValue.of(LowCardinalityKeyNames.EXCEPTION, error.getClass().getSimpleName())
				: NO_EXCEPTION;
	}

}
