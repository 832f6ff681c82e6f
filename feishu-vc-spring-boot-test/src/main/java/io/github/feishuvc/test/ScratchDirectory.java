package io.github.feishuvc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A temporary directory of the emulator's own, for the files it serves (exports, a minute's media): written there
 * off the event loops, and deleted with them when the emulator closes. Nothing outside it is ever touched.
 */
final class ScratchDirectory {

	private final Path directory;

	ScratchDirectory(String prefix) {
		try {
			this.directory = Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file of the directory. */
	Path resolve(String name) {
		return this.directory.resolve(name);
	}

	/** Delete the files written, then the directory. */
	void delete() {
		try (Stream<Path> written = Files.list(this.directory)) {
			for (Path file : written.toList()) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(this.directory);
		}
		catch (IOException ex) {
			// A temporary directory left behind is the system's to clean.
		}
	}

}
