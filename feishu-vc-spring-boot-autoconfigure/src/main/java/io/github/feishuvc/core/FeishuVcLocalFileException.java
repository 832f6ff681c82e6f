package io.github.feishuvc.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * This machine's file system refused a downloaded file: the target's directory is missing or not writable, a
 * directory stands where the file goes, the disk is full, the name is too long. Not a failure of the platform or the
 * network, so never retried: another attempt would download the file again only to fail alike.
 *
 * <p>When the target was looked at before anything was sent, {@link #attempts()} is {@code 0} and
 * {@link #httpStatus()} {@code 0}; when the file arrived and could not be written, they are those of the response.
 * {@link #getCause()} is the file system's own exception, such as {@link java.nio.file.NoSuchFileException},
 * {@link java.nio.file.AccessDeniedException} or {@link java.nio.file.FileSystemException}.
 */
public class FeishuVcLocalFileException extends FeishuVcException {

	/** The file or directory the file system refused. */
	private final Path path;

	/**
	 * Create the exception.
	 * @param info the call, with attempt {@code 0} if nothing was sent
	 * @param path the file or directory the file system refused
	 * @param cause the file system's exception
	 */
	public FeishuVcLocalFileException(CallInfo info, Path path, IOException cause) {
		super(info, "Could not write the file of " + info.operation() + " to " + path + ": " + reason(cause), cause);
		this.path = path;
	}

	/**
	 * The file or directory the file system refused.
	 * @return the path
	 */
	public Path path() {
		return this.path;
	}

	@Override
	public synchronized IOException getCause() {
		return (IOException) super.getCause();
	}

	private static String reason(IOException cause) {
		String reason = cause.getMessage();
		return cause.getClass().getSimpleName() + ((reason != null) ? " (" + reason + ")" : "");
	}

}
