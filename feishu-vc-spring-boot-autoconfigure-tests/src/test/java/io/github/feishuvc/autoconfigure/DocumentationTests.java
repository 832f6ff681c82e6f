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

import io.github.feishuvc.support.DocumentationPages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages of {@code docs/}: every relative link leads to a file that exists, and every
 * {@code #anchor} to a heading of it; every page is on the documentation index, {@code docs/README.md}, which the
 * README links to.
 */
class DocumentationTests {

	private static final Path ROOT = DocumentationPages.ROOT;

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

	@Test
	void shouldLinkOnlyToFilesAndHeadingsThatExist() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			Matcher link = LINK.matcher(Files.readString(page));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("^[a-z]+:.*")) {
					continue;
				}
				int hash = target.indexOf('#');
				Path file = (hash == 0) ? page : page.getParent().resolve((hash > 0) ? target.substring(0, hash) : target);
				if (!Files.exists(file)) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
				}
				else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void shouldPutEveryPageOnTheDocumentationIndex() throws IOException {
		String index = Files.readString(ROOT.resolve("docs").resolve("README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			assertThat(docs.map((page) -> page.getFileName().toString())
				.filter((name) -> !name.equals("README.md"))
				.map((name) -> "](" + name + ")")).allSatisfy((link) -> assertThat(index).contains(link));
		}
		assertThat(Files.readString(ROOT.resolve("README.md"))).contains("](docs/README.md)");
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = DocumentationPages.all();
		assertThat(pages).hasSizeGreaterThan(5);
		return pages;
	}

	/** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens. */
	private static List<String> anchors(Path file) throws IOException {
		List<String> anchors = new ArrayList<>();
		if (!file.toString().endsWith(".md")) {
			return anchors;
		}
		Matcher heading = HEADING.matcher(Files.readString(file));
		while (heading.find()) {
			anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
				.replace(' ', '-'));
		}
		return anchors;
	}

}
