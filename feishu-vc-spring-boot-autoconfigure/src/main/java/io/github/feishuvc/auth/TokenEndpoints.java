package io.github.feishuvc.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcAuthenticationException;
import io.github.feishuvc.core.FeishuVcCall;
import io.github.feishuvc.core.FeishuVcErrorCodes;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.FeishuVcServerErrorException;
import io.github.feishuvc.core.ResponseReader;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * Calls of the platform's {@code /open-apis/auth/v3} endpoints, which take their credentials in the JSON body. Their
 * failures are reported for what they are: a credential code ({@link FeishuVcErrorCodes#isCredentialError}) as a
 * {@link FeishuVcAuthenticationException}, an HTTP 5xx as a {@link FeishuVcServerErrorException}, a rate limit as a
 * rate limit; any other code stays a plain {@link FeishuVcApiException} with the platform's code and message.
 */
final class TokenEndpoints {

	private TokenEndpoints() {
	}

	/**
	 * A call to a token endpoint; idempotent, so its transient failures are retried.
	 * @param fields the body's fields, in order; never shown by the call's {@code toString()}
	 */
	static FeishuVcCall call(FeishuVcExecutor executor, String operation, String path, String... fields) {
		Map<String, String> body = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			body.put(fields[i], fields[i + 1]);
		}
		return new FeishuVcCall(operation, HttpMethod.POST, executor.uri(path),
				FeishuVcJson.mapper().writeValueAsBytes(body), true);
	}

	static <T> Mono<T> execute(FeishuVcExecutor executor, FeishuVcCall call, ResponseReader<?, T> reader) {
		return executor.execute(call, reader).onErrorMap(TokenEndpoints::isUnspecific, TokenEndpoints::specific);
	}

	private static boolean isUnspecific(Throwable ex) {
		return ex.getClass() == FeishuVcApiException.class;
	}

	private static Throwable specific(Throwable ex) {
		FeishuVcApiException api = (FeishuVcApiException) ex;
		CallInfo info = new CallInfo(api.operation(), api.attempts(), api.httpStatus(), api.logId(), null);
		if (FeishuVcErrorCodes.isCredentialError(api.code())) {
			return new FeishuVcAuthenticationException(info, api.code(), api.msg());
		}
		return (api.httpStatus() >= 500) ? new FeishuVcServerErrorException(info, api.code(), api.msg()) : api;
	}

}
