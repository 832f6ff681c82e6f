package io.github.feishuvc.test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.feishuvc.internal.FeishuApis;
import io.github.feishuvc.test.Replies.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scopes (permissions) of a {@link FeishuVcEmulator} ({@link FeishuVcEmulator#scopes()}): every scope is granted
 * until a test withholds some, from the app or from one user. As on the platform, a call that needs a withheld scope
 * (one of those its endpoint's page lists, all of them withheld) is refused before anything else: with
 * {@code 99991672} when the app lacks it, with {@code 99991679} when a user's token carries the call and the app or
 * the user lacks it, each naming the scopes in the platform's words; and an event whose scopes the app lacks is not
 * sent.
 */
public final class EmulatorScopes {

	private final Set<String> withheldFromApp = ConcurrentHashMap.newKeySet();

	private final Map<String, Set<String>> withheldFromUsers = new ConcurrentHashMap<>();

	private final Replies replies;

	private final String appId;

	EmulatorScopes(Replies replies, String appId) {
		this.replies = replies;
		this.appId = appId;
	}

	/**
	 * Withhold scopes from the app, as if they were not enabled in the developer console or no version with them was
	 * released.
	 * @param scopes the scopes, such as {@code vc:room}
	 * @return these scopes
	 */
	public EmulatorScopes withholdFromApp(String... scopes) {
		this.withheldFromApp.addAll(List.of(scopes));
		return this;
	}

	/**
	 * Withhold scopes from a user, as if they had not granted them when they signed in.
	 * @param userId the user's open id
	 * @param scopes the scopes
	 * @return these scopes
	 */
	public EmulatorScopes withholdFromUser(String userId, String... scopes) {
		this.withheldFromUsers.computeIfAbsent(userId, (id) -> ConcurrentHashMap.newKeySet()).addAll(List.of(scopes));
		return this;
	}

	/**
	 * Grant every scope again, to the app and to every user.
	 * @return these scopes
	 */
	public EmulatorScopes grantAll() {
		this.withheldFromApp.clear();
		this.withheldFromUsers.clear();
		return this;
	}

	/** The platform's refusal of a call that needs one of {@code scopes}, if the caller has none of them. */
	@Nullable Reply refusal(Caller caller, List<String> scopes) {
		if (caller.isApp()) {
			return lacks(this.withheldFromApp, scopes) ? missing(99991672, scopes,
					"Access denied. One of the following scopes is required: " + list(scopes) + ".", "tenant") : null;
		}
		Set<String> user = this.withheldFromUsers.getOrDefault(caller.userId(), Set.of());
		boolean granted = scopes.stream().anyMatch((scope) -> !this.withheldFromApp.contains(scope)
				&& !user.contains(scope));
		return granted ? null : missing(99991679, scopes, "Unauthorized. You do not have permission to perform the "
				+ "requested operation on the resource. Please request user re-authorization and try again. "
				+ "required one of these privileges under the user identity: " + list(scopes), "user");
	}

	/** Whether the platform sends the app an event of this type: it has one of the event's scopes. */
	boolean sends(String eventType) {
		List<String> scopes = FeishuApis.eventScopes().get(eventType);
		return scopes == null || !lacks(this.withheldFromApp, scopes);
	}

	private static boolean lacks(Set<String> withheld, Collection<String> scopes) {
		return withheld.containsAll(scopes);
	}

	private Reply missing(int code, List<String> scopes, String msg, String tokenType) {
		String help = "https://open.feishu.cn/app/" + this.appId + "/auth?q=" + String.join(",", scopes)
				+ "&op_from=openapi&token_type=" + tokenType;
		return this.replies.error(400, code, msg, (error) -> {
			scopes.forEach((scope) -> error.withArray("permission_violations")
				.addObject()
				.put("type", "action_scope_required")
				.put("subject", scope));
			ObjectNode helps = error.withArray("helps").addObject();
			helps.put("url", help).put("description", "Learn more about scopes and how to add them: " + list(scopes));
		});
	}

	private static String list(List<String> scopes) {
		return "[" + String.join(", ", scopes) + "]";
	}

}
