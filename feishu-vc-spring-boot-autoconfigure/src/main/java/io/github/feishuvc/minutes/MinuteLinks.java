package io.github.feishuvc.minutes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a minute's token from its link: a recording's URL ({@code Recording.url()} of
 * {@code RecordingOperations.get}, such as {@code https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7}), a
 * minute's own {@link Minute#url()}, a search's {@link MinuteSearchItem.Meta#appLink()}. As the platform's CLI does,
 * the token is the path segment after {@code minutes}, whatever the host (it varies by tenant), a trailing
 * {@code /}, query or fragment; and, as the documentation says, it is 24 lowercase letters and digits.
 */
public final class MinuteLinks {

	private static final Pattern TOKEN = Pattern.compile("[a-z0-9]{24}");

	private MinuteLinks() {
	}

	/**
	 * The token of a minute's link.
	 * @param link the link
	 * @return the minute's token
	 * @throws IllegalArgumentException if the link is not an http(s) link to a minute
	 */
	public static String token(String link) {
		return find(link).orElseThrow(() -> new IllegalArgumentException("Not a link to a minute: " + link));
	}

	/**
	 * The token of a minute's link, if it is one.
	 * @param link the link, or {@code null}
	 * @return the minute's token, empty if the link is not an http(s) link to a minute
	 */
	public static Optional<String> find(@Nullable String link) {
		if (link == null || link.isBlank()) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(link.strip());
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		String scheme = uri.getScheme();
		if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
				|| uri.getPath() == null) {
			return Optional.empty();
		}
		String[] segments = uri.getPath().split("/");
		for (int i = 0; i + 1 < segments.length; i++) {
			if ("minutes".equals(segments[i])) {
				String token = segments[i + 1];
				// The segment right after "minutes", and nothing but a trailing slash after it.
				boolean last = i + 2 == segments.length;
				return (last && TOKEN.matcher(token).matches()) ? Optional.of(token) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether a string is shaped as a minute's token: 24 lowercase letters and digits.
	 * @param token the string
	 * @return whether it is
	 */
	static boolean isToken(@Nullable String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

}
