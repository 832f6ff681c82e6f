package io.github.feishuvc.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files of the repository that are made from the build's output (the API listings, the property reference): a test
 * makes the file anew in memory and fails when the committed one differs, so that any change shows in review as a diff
 * of it. Run with {@code -Dfeishuvc.api.update=true} to write them anew after a deliberate change.
 */
public final class CommittedFiles {

	/** The system property that has the tests write the files rather than only compare them. */
	public static final String UPDATE = "feishuvc.api.update";

	private CommittedFiles() {
	}

	/**
	 * Fails unless the committed file holds exactly what was generated; writes it first when asked to.
	 * @param committed the file, relative to the tests module
	 * @param generated what it should hold
	 * @param what what the file describes, for the failure's message
	 */
	public static void assertCommitted(Path committed, String generated, String what) {
		try {
			if (Boolean.getBoolean(UPDATE)) {
				Files.createDirectories(committed.getParent());
				Files.writeString(committed, generated, StandardCharsets.UTF_8);
			}
			assertThat(committed).as("%s: run ./mvnw -B verify -D%s=true to write it", committed, UPDATE).exists();
			assertThat(Files.readString(committed, StandardCharsets.UTF_8))
				.as("%s changed: if deliberate, run ./mvnw -B verify -D%s=true and commit %s", what, UPDATE, committed)
				.isEqualTo(generated);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The configuration metadata of the autoconfigure module, as its annotation processor wrote it (the additional
	 * metadata merged in); not Spring Boot's, which is on the class path too.
	 * @return the metadata
	 */
	public static JsonNode starterMetadata() {
		try {
			JsonNode metadata = null;
			Enumeration<URL> found = CommittedFiles.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			while (found.hasMoreElements()) {
				URL url = found.nextElement();
				// The autoconfigure module's own, as a directory of the build or its jar.
				if (url.toString().matches(".*/feishu-vc-spring-boot-autoconfigure(/|-[0-9]).*")) {
					try (InputStream in = url.openStream()) {
						metadata = JsonMapper.builder().build().readTree(in);
					}
				}
			}
			assertThat(metadata).as("the autoconfigure module's generated metadata").isNotNull();
			return metadata;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
