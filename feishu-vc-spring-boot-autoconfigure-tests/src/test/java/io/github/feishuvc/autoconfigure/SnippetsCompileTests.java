package io.github.feishuvc.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the README and {@code docs/} compiles against the starter, the emulator and the libraries an
 * application has, so that a renamed method breaks the build rather than a newcomer's first copy. A snippet that
 * declares a type compiles as a file; one that declares members (a {@code @Bean}, a listener) compiles in a class; any
 * other is a method's body. What a snippet uses without declaring it (the injected {@code reserves}, an id) is
 * declared in an HTML comment just before its fence, which a reader does not see:
 * {@code <!-- given: ReserveOperations reserves; String reserveId; -->}.
 */
class SnippetsCompileTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern FENCE = Pattern
		.compile("(?ms)(?:<!-- given: (.*?) -->\\s*\\n)?^```java\\n(.*?)^```\\s*$");

	private static final Pattern TYPE = Pattern
		.compile("(?m)^(?:public |final |abstract )*(?:class|record|interface|enum) \\w+");

	private static final Pattern MEMBER = Pattern
		.compile("^(?:@\\w+|static |private |public |protected |[\\w<>\\[\\], ?]+ \\w+\\([^;]*\\)\\s*(?:throws [\\w., ]+)?\\{)");

	/** What an application's code imports, as an IDE would add it. */
	private static final String IMPORTS = """
			import java.nio.file.*;
			import java.time.*;
			import java.util.*;
			import io.github.feishuvc.auth.*;
			import io.github.feishuvc.autoconfigure.*;
			import io.github.feishuvc.core.*;
			import io.github.feishuvc.events.*;
			import io.github.feishuvc.events.longconnection.*;
			import io.github.feishuvc.export.*;
			import io.github.feishuvc.meeting.*;
			import io.github.feishuvc.meeting.event.*;
			import io.github.feishuvc.note.*;
			import io.github.feishuvc.note.event.*;
			import io.github.feishuvc.report.*;
			import io.github.feishuvc.reserve.*;
			import io.github.feishuvc.room.*;
			import io.github.feishuvc.room.event.*;
			import io.github.feishuvc.security.*;
			import io.github.feishuvc.test.*;
			import org.junit.jupiter.api.AfterAll;
			import org.junit.jupiter.api.Test;
			import reactor.core.publisher.*;
			import reactor.netty.transport.ProxyProvider;
			import org.springframework.beans.factory.annotation.Autowired;
			import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
			import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
			import org.springframework.boot.test.context.SpringBootTest;
			import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
			import org.springframework.context.annotation.Bean;
			import org.springframework.context.event.EventListener;
			import org.springframework.core.io.buffer.*;
			import org.springframework.jdbc.core.JdbcOperations;
			import org.springframework.security.config.Customizer;
			import org.springframework.security.config.annotation.web.builders.HttpSecurity;
			import org.springframework.security.core.Authentication;
			import org.springframework.security.oauth2.client.*;
			import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
			import org.springframework.security.web.SecurityFilterChain;
			import org.springframework.stereotype.Service;
			import org.springframework.test.context.DynamicPropertyRegistry;
			import org.springframework.test.context.DynamicPropertySource;
			import org.springframework.web.bind.annotation.*;
			import static org.assertj.core.api.Assertions.assertThat;
			""";

	@Test
	void shouldCompileEverySnippetOfTheDocumentation(@TempDir Path sources) throws IOException {
		List<Snippet> snippets = snippets();
		assertThat(snippets).as("the snippets found").hasSizeGreaterThan(20);
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
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((page) -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
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
			String header = "package snippets.s" + index + ";\n" + IMPORTS;
			if (TYPE.matcher(this.code).find()) {
				return header + this.given + "\n" + this.code;
			}
			String firstLine = this.code.lines().filter((l) -> !l.isBlank() && !l.startsWith("//")).findFirst()
				.orElse("");
			String body = MEMBER.matcher(firstLine).find() ? this.code
					: "void snippet() throws Exception {\n" + this.code + "\n}";
			return header + "class Snippet" + index + " {\n" + this.given + "\n" + body + "\n}\n";
		}

	}

}
