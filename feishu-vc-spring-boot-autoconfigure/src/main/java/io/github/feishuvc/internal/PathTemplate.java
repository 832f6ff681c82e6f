package io.github.feishuvc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint's path template, such as {@code /open-apis/vc/v1/rooms/{room_id}}, compiled once: its variables, the
 * text around them (which the client joins with the encoded values), and a pattern that the emulator matches raw
 * paths with.
 */
final class PathTemplate {

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

	private final String path;

	private final Pattern pattern;

	private final List<String> variables;

	/** The path's text around its variables: one more piece than variables. */
	private final List<String> literals;

	/** The path's variables as the Java parameters they come from are named, for messages. */
	private final List<String> parameters;

	PathTemplate(String path) {
		this.path = path;
		List<String> variables = new ArrayList<>();
		List<String> literals = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(path);
		StringBuilder pattern = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			variables.add(matcher.group(1));
			literals.add(path.substring(last, matcher.start()));
			pattern.append(Pattern.quote(path.substring(last, matcher.start()))).append("([^/]+)");
			last = matcher.end();
		}
		literals.add(path.substring(last));
		pattern.append(Pattern.quote(path.substring(last)));
		this.pattern = Pattern.compile(pattern.toString());
		this.variables = List.copyOf(variables);
		this.literals = List.copyOf(literals);
		this.parameters = variables.stream().map(PathTemplate::camelCase).toList();
	}

	String path() {
		return this.path;
	}

	List<String> variables() {
		return this.variables;
	}

	List<String> literals() {
		return this.literals;
	}

	List<String> parameters() {
		return this.parameters;
	}

	/** The variables of a raw path (not decoded), still encoded; {@code null} if it is not this template's. */
	@Nullable Map<String, String> match(String rawPath) {
		Matcher matcher = this.pattern.matcher(rawPath);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < this.variables.size(); i++) {
			values.put(this.variables.get(i), matcher.group(i + 1));
		}
		return values;
	}

	private static String camelCase(String variable) {
		StringBuilder name = new StringBuilder(variable.length());
		boolean upper = false;
		for (char c : variable.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
