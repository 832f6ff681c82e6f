package io.github.feishuvc.core;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Codes {@value FeishuVcErrorCodes#APP_SCOPE_MISSING} and {@value FeishuVcErrorCodes#USER_SCOPE_MISSING}: the call
 * needs a scope (permission) that the app, or the user whose token it carried, has not been granted. The message
 * names the operation, the scopes of which any one suffices, and the step in the developer console; {@link #scopes()}
 * has them as the platform named them (else as the endpoint's page lists them), {@link #grantee()} says who lacks
 * them.
 */
public class FeishuVcMissingScopeException extends FeishuVcPermissionDeniedException {

	/** The platform names the scopes in brackets: {@code One of the following scopes is required: [a, b]}. */
	private static final Pattern NAMED_SCOPES = Pattern.compile("\\[([a-z][a-z0-9_.:\\-]*(?:, ?[a-z][a-z0-9_.:\\-]*)*)]");

	/** Who has not been granted the scope. */
	public enum Grantee {

		/** The app: the scope is not enabled for it, or no version with it has been released. */
		APP,

		/** The user: they did not grant the scope when they signed in. */
		USER

	}

	/** Who has not been granted the scope. */
	private final Grantee grantee;

	/** The scopes of which any one would let the call through. */
	private final List<String> scopes;

	/**
	 * Create the exception.
	 * @param info the call that failed
	 * @param code {@value FeishuVcErrorCodes#APP_SCOPE_MISSING} or {@value FeishuVcErrorCodes#USER_SCOPE_MISSING}
	 * @param msg the platform's error message
	 * @param declared the scopes the endpoint's page lists, for when the platform's message names none
	 */
	public FeishuVcMissingScopeException(CallInfo info, int code, String msg, List<String> declared) {
		this(info, code, msg, grantee(code), scopes(msg, declared));
	}

	private FeishuVcMissingScopeException(CallInfo info, int code, String msg, Grantee grantee, List<String> scopes) {
		super(info, code, msg, message(info, code, grantee, scopes));
		this.grantee = grantee;
		this.scopes = scopes;
	}

	/**
	 * Whether a code says a scope is missing.
	 * @param code a platform error code
	 * @return {@code true} for {@value FeishuVcErrorCodes#APP_SCOPE_MISSING} and
	 * {@value FeishuVcErrorCodes#USER_SCOPE_MISSING}
	 */
	public static boolean isMissingScope(int code) {
		return code == FeishuVcErrorCodes.APP_SCOPE_MISSING || code == FeishuVcErrorCodes.USER_SCOPE_MISSING;
	}

	/**
	 * Who has not been granted the scope.
	 * @return the app or the user
	 */
	public Grantee grantee() {
		return this.grantee;
	}

	/**
	 * The scopes of which any one would let the call through.
	 * @return the scopes, empty if neither the platform nor the endpoint's declaration named any
	 */
	public List<String> scopes() {
		return this.scopes;
	}

	private static Grantee grantee(int code) {
		return (code == FeishuVcErrorCodes.USER_SCOPE_MISSING) ? Grantee.USER : Grantee.APP;
	}

	private static List<String> scopes(String msg, List<String> declared) {
		Matcher matcher = NAMED_SCOPES.matcher(msg);
		return matcher.find() ? Arrays.stream(matcher.group(1).split(",")).map(String::trim).toList()
				: List.copyOf(declared);
	}

	private static String message(CallInfo info, int code, Grantee grantee, List<String> scopes) {
		String needs = info.operation() + " needs " + (scopes.isEmpty() ? "a scope"
				: (scopes.size() == 1) ? "the scope " + scopes.get(0) : "one of the scopes " + String.join(", ", scopes));
		String step = (grantee == Grantee.APP)
				? ", which the app has not been granted (code " + code + "). Enable it on the Permissions & Scopes "
						+ "page of the app in the developer console (open.feishu.cn/app, open.larksuite.com/app for "
						+ "Lark), then release a new version of the app: scopes take effect once a version with them is "
						+ "published (and approved, where the tenant requires it)"
				: ", which the user has not granted (code " + code + "). Enable it for the app (Permissions & Scopes, "
						+ "user identity), add it to the scopes the sign-in asks for "
						+ "(spring.security.oauth2.client.registration.feishu.scope), and have the user sign in again";
		return needs + step + "; " + info.describe();
	}

}
