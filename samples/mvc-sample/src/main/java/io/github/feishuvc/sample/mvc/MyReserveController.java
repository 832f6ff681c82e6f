package io.github.feishuvc.sample.mvc;

import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.core.FeishuVcSignInRequiredException;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.security.FeishuUserTokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Acting as the user who signed in with Feishu: a page with a form that makes a reservation as them and reads it back
 * with their token (the app's own token may not read it: it is theirs). Changing something is a POST, which Spring
 * Security checks for the session's CSRF token. The calls block, on the request's own thread, as in
 * {@link ReserveController}.
 */
@RestController
class MyReserveController {

	private static final String PAGE = """
			<!doctype html>
			<html><head><meta charset="utf-8"><title>Feishu VC on Spring MVC</title></head>
			<body><h1>Feishu VC on Spring MVC</h1>%s</body></html>
			""";

	private final ReserveOperations reserves;

	private final FeishuUserTokens userTokens;

	MyReserveController(ReserveOperations reserves, FeishuUserTokens userTokens) {
		this.reserves = reserves;
		this.userTokens = userTokens;
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	String home() {
		return PAGE.formatted("<p><a href=\"" + link("/me") + "\">Sign in with Feishu</a> and make a reservation as "
				+ "yourself, see <a href=\"" + link("/events") + "\">the meeting events received</a>, or download "
				+ "<a href=\"" + link("/exports/meetings") + "\">today's meeting list</a>.</p>");
	}

	/** Signed in: the form, with the CSRF token Spring Security checks when it is posted. */
	@GetMapping(path = "/me", produces = MediaType.TEXT_HTML_VALUE)
	String me(Authentication user, CsrfToken csrf) {
		return PAGE.formatted("<p>Signed in as <b>" + HtmlUtils.htmlEscape(user.getName()) + "</b>.</p>"
				+ "<form method=\"post\" action=\"" + link("/me/reserve") + "\"><input type=\"hidden\" name=\""
				+ HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken())
				+ "\"><button type=\"submit\">Make a reservation as me</button></form>");
	}

	@PostMapping(path = "/me/reserve", produces = MediaType.TEXT_HTML_VALUE)
	String reserve(Authentication user) {
		ReserveOperations mine = this.reserves.withUserAccessToken(this.userTokens.of(user));
		Reserve applied = mine.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("My sync").build())
			.build()).block().reserve();
		Reserve reserve = mine.get(applied.id()).block();
		String appView;
		try {
			this.reserves.get(reserve.id()).block();
			appView = "readable with the app's token too";
		}
		catch (FeishuVcPermissionDeniedException ex) {
			appView = "the app's own token may not read it (code " + ex.code() + "): it is yours";
		}
		return PAGE.formatted("<p>Signed in as <b>" + HtmlUtils.htmlEscape(user.getName()) + "</b>.</p><p>Reserved <b>"
				+ HtmlUtils.htmlEscape(reserve.id()) + "</b> (meeting number " + reserve.meetingNo() + ", topic '"
				+ HtmlUtils.htmlEscape(String.valueOf(reserve.meetingSettings().topic())) + "') as you, and read it "
				+ "back with your token; " + appView + ".</p>");
	}

	/** The user's tokens are gone (signed out elsewhere, refresh token revoked): sign in again. */
	@ExceptionHandler(FeishuVcSignInRequiredException.class)
	ResponseEntity<String> signInAgain(FeishuVcSignInRequiredException ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.contentType(MediaType.TEXT_HTML)
			.body(PAGE.formatted("<p>Your Feishu session ended. <a href=\"" + signInLink() + "\">Sign in again</a>.</p>"));
	}

	/**
	 * A page of this application as the browser asks for it: behind the context path and the dispatcher servlet's path
	 * the request came through, so that the links hold wherever the application is mounted.
	 */
	private static String link(String path) {
		return HtmlUtils.htmlEscape(ServletUriComponentsBuilder.fromCurrentServletMapping().path(path).build().getPath());
	}

	/** Spring Security's sign-in, which is behind the context path only: its filters come before any servlet. */
	private static String signInLink() {
		return HtmlUtils.htmlEscape(ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/oauth2/authorization/feishu")
			.build()
			.getPath());
	}

}
