package io.github.feishuvc.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pages users read, which the documentation's tests check: the README and every page of {@code docs/}.
 */
public final class DocumentationPages {

	/** The repository's root, from the tests module. */
	public static final Path ROOT = Path.of("..");

	private DocumentationPages() {
	}

	/**
	 * The README, then the pages of {@code docs/} in the order of their names.
	 * @return the pages
	 * @throws IOException if {@code docs/} cannot be listed
	 */
	public static List<Path> all() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((page) -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

}
