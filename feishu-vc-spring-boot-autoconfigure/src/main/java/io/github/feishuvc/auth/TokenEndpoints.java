package io.github.feishuvc.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcApiException;
import io.github.feishuvc.core.FeishuVcAuthenticationException;
import io.github.feishuvc.core.FeishuVcCall;
import io.github.feishuvc.core.FeishuVcExecutor;
import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.core.ResponseReader;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * Calls of the platform's {@code /open-apis/auth/v3} endpoints, which take their credentials in the JSON body. A
 * refusal the platform gives without a more specific meaning is reported as a
 * {@link FeishuVcAuthenticationException}: the credentials were not accepted.
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
		return executor.execute(call, reader).onErrorMap(TokenEndpoints::isUnspecific, TokenEndpoints::toAuthenticationFailure);
	}

	private static boolean isUnspecific(Throwable ex) {
		return ex.getClass() == FeishuVcApiException.class;
	}

	private static Throwable toAuthenticationFailure(Throwable ex) {
		FeishuVcApiException api = (FeishuVcApiException) ex;
		return new FeishuVcAuthenticationException(
				new CallInfo(api.operation(), api.attempts(), api.httpStatus(), api.logId(), null), api.code(),
				api.msg());
	}

}
