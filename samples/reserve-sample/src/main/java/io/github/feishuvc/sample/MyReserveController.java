package io.github.feishuvc.sample;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcSignInRequiredException;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.security.FeishuUserTokens;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code login} profile's pages: "Sign in with Feishu", then a form that makes a reservation as the signed-in user
 * and reads it back with their token (the app's own tenant token may not read it: it is the user's). Acting as the
 * user changes something, so it is a POST, which Spring Security checks for its CSRF token: a page of another site
 * cannot make a reservation as a signed-in visitor.
 */
@RestController
@Profile("login")
class MyReserveController {

	private static final String PAGE = """
			<!doctype html>
			<html><head><meta charset="utf-8"><title>Feishu VC sample</title></head>
			<body><h1>Feishu VC sample</h1>%s</body></html>
			""";

	private final ReserveOperations reserves;

	private final FeishuUserTokens userTokens;

	MyReserveController(ReserveOperations reserves, FeishuUserTokens userTokens) {
		this.reserves = reserves;
		this.userTokens = userTokens;
	}

	/** A page of the sample's, around its body. */
	static String page(String body) {
		return PAGE.formatted(body);
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home(ServerWebExchange exchange) {
		String base = base(exchange);
		return PAGE.formatted("<p><a href=\"" + base + "/me\">Sign in with Feishu</a> and make a reservation as "
				+ "yourself, or see <a href=\"" + base + "/me/meetings\">your recent meetings and the AI note of the last "
				+ "one</a>.</p>");
	}

	/** Signed in: the form, with the CSRF token Spring Security checks when it is posted. */
	@GetMapping(path = "/me", produces = MediaType.TEXT_HTML_VALUE)
	Mono<String> me(Authentication user, ServerWebExchange exchange) {
		Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
		return csrf.map((token) -> PAGE.formatted("<p>Signed in as <b>" + HtmlUtils.htmlEscape(user.getName())
				+ "</b>.</p><form method=\"post\" action=\"" + base(exchange) + "/me/reserve\"><input type=\"hidden\" "
				+ "name=\""
				+ HtmlUtils.htmlEscape(token.getParameterName()) + "\" value=\"" + HtmlUtils.htmlEscape(token.getToken())
				+ "\"><button type=\"submit\">Make a reservation as me</button></form>"));
	}

	@PostMapping(path = "/me/reserve", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> reserve(Authentication user, ServerWebExchange exchange) {
		ReserveOperations mine = this.reserves.withUserAccessToken(this.userTokens.of(user));
		return mine.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("My sync").build())
			.build())
			.flatMap((applied) -> mine.get(applied.reserve().id()))
			.flatMap((reserve) -> this.reserves.get(reserve.id())
				.map((read) -> "readable with the app's token too")
				.onErrorResume(FeishuVcPermissionDeniedException.class,
						(ex) -> Mono.just("the app's own token may not read it (code " + ex.code() + "): it is yours"))
				.map((appView) -> ResponseEntity.ok(PAGE.formatted(describe(user.getName(), reserve, appView)))))
			.onErrorResume(FeishuVcSignInRequiredException.class, (ex) -> Mono.just(ResponseEntity
				.status(HttpStatus.UNAUTHORIZED)
				.body(PAGE.formatted("<p>Your Feishu session ended. <a href=\"" + base(exchange)
						+ "/oauth2/authorization/feishu\">Sign in again</a>.</p>"))));
	}

	/** The application's base path ({@code spring.webflux.base-path}), which every link of a page starts with. */
	private static String base(ServerWebExchange exchange) {
		return HtmlUtils.htmlEscape(exchange.getRequest().getPath().contextPath().value());
	}

	private static String describe(String userName, Reserve reserve, String appView) {
		return "<p>Signed in as <b>" + HtmlUtils.htmlEscape(userName) + "</b>.</p><p>Reserved <b>"
				+ HtmlUtils.htmlEscape(reserve.id()) + "</b> (meeting number " + reserve.meetingNo() + ", topic '"
				+ HtmlUtils.htmlEscape(String.valueOf(reserve.meetingSettings().topic())) + "') as you, and read it "
				+ "back with your token; " + appView + ".</p>";
	}

}
