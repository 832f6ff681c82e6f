package io.github.feishuvc.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.github.feishuvc.support.DocumentationPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the README and {@code docs/} compiles against the starter, the emulator and the libraries an
 * application has, so that a renamed method breaks the build rather than a newcomer's first copy. A snippet that
 * declares a type compiles as a file; one that declares members (a {@code @Bean}, a listener) compiles in a class; any
 * other is a method's body. Nothing is imported for a snippet: it shows its own imports, one class each, so that a
 * reader sees where every class lives. What a snippet uses without declaring it (the injected {@code reserves}, an
 * id) is declared in an HTML comment just before its fence, which a reader does not see, with the imports of those
 * declarations: {@code <!-- given: import io.github.feishuvc.reserve.ReserveOperations; ReserveOperations reserves;
 * String reserveId; -->}.
 * <p>
 * The snippets compile against this module's test class path, which holds the official Java SDK too: the SDK's side of
 * {@code docs/migrating-from-the-sdk.md} is compiled as well, so that the SDK's method names it shows are real ones.
 */
class SnippetsCompileTests {

	private static final Path ROOT = DocumentationPages.ROOT;

	private static final Pattern FENCE = Pattern
		.compile("(?ms)(?:<!-- given: (.*?) -->\\s*\\n)?^```java\\n(.*?)^```\\s*$");

	private static final Pattern TYPE = Pattern
		.compile("(?m)^(?:public |final |abstract )*(?:class|record|interface|enum) \\w+");

	private static final Pattern MEMBER = Pattern
		.compile("^(?:@\\w+|static |private |public |protected |[\\w<>\\[\\], ?]+ \\w+\\([^;]*\\)\\s*(?:throws [\\w., ]+)?\\{)");

	/** An import, in a snippet (at the start of a line) or in what it is given. */
	private static final Pattern IMPORT = Pattern.compile("import (?:static )?[\\w.]+(?:\\.\\*)?;");

	@Test
	void shouldCompileEverySnippetOfTheDocumentation(@TempDir Path sources) throws IOException {
		List<Snippet> snippets = snippets();
		assertThat(snippets).as("the snippets found").hasSizeGreaterThan(20);
		assertThat(snippets).as("snippets importing a whole package (a reader cannot tell where a class lives)")
			.filteredOn((snippet) -> snippet.imports().contains(".*;"))
			.extracting((snippet) -> snippet.page() + ":" + snippet.line())
			.isEmpty();
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < snippets.size(); i++) {
			Path file = sources.resolve("snippets/s" + i + "/Snippet" + i + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, snippets.get(i).source(i));
			files.add(file);
		}

		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
			compiler.getTask(null, fileManager, diagnostics,
					List.of("-proc:none", "-d", sources.resolve("classes").toString(), "-classpath",
							System.getProperty("java.class.path")),
					null, fileManager.getJavaFileObjectsFromPaths(files))
				.call();
		}

		List<String> errors = diagnostics.getDiagnostics()
			.stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
			.map((diagnostic) -> describe(diagnostic, snippets, sources))
			.toList();
		assertThat(errors).as("snippets that do not compile").isEmpty();
	}

	private static String describe(Diagnostic<? extends JavaFileObject> diagnostic, List<Snippet> snippets,
			Path sources) {
		String file = Path.of(diagnostic.getSource().toUri()).getFileName().toString();
		Snippet snippet = snippets.get(Integer.parseInt(file.replaceAll("\\D", "")));
		return snippet.page() + ":" + snippet.line() + ": " + diagnostic.getMessage(Locale.ROOT) + " (line "
				+ diagnostic.getLineNumber() + " of its compilation unit)";
	}

	private static List<Snippet> snippets() throws IOException {
		List<Path> pages = DocumentationPages.all();
		List<Snippet> snippets = new ArrayList<>();
		for (Path page : pages) {
			String text = Files.readString(page);
			Matcher fence = FENCE.matcher(text);
			while (fence.find()) {
				int line = (int) text.substring(0, fence.start(2)).lines().count();
				snippets.add(new Snippet(ROOT.relativize(page).toString(), line,
						(fence.group(1) != null) ? fence.group(1) : "", fence.group(2)));
			}
		}
		return snippets;
	}

	/** A snippet, where it is, and what it is given. */
	record Snippet(String page, int line, String given, String code) {

		String source(int index) {
			String header = "package snippets.s" + index + ";\n" + imports();
			String given = IMPORT.matcher(this.given).replaceAll("");
			String code = withoutImports(this.code);
			if (TYPE.matcher(code).find()) {
				return header + given + "\n" + code;
			}
			String firstLine = code.lines().filter((l) -> !l.isBlank() && !l.startsWith("//")).findFirst().orElse("");
			String body = MEMBER.matcher(firstLine).find() ? code : "void snippet() throws Exception {\n" + code + "\n}";
			return header + "class Snippet" + index + " {\n" + given + "\n" + body + "\n}\n";
		}

		/** The snippet's own imports (lines of their own), then those of what it is given. */
		String imports() {
			Stream<String> own = this.code.lines().filter((line) -> IMPORT.matcher(line).matches());
			Stream<String> given = IMPORT.matcher(this.given).results().map(MatchResult::group);
			return Stream.concat(own, given).map((line) -> line + "\n").collect(Collectors.joining());
		}

		private static String withoutImports(String code) {
			return code.lines()
				.filter((line) -> !IMPORT.matcher(line).matches())
				.map((line) -> line + "\n")
				.collect(Collectors.joining());
		}

	}

}
