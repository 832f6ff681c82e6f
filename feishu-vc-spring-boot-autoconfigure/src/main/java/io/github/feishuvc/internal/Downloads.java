package io.github.feishuvc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.feishuvc.core.FeishuVcFileResponse;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * How a downloaded file leaves the exchange: as the caller's own stream of buffers, or written to disk. Neither ever
 * holds more of the file than the buffers in flight.
 */
public final class Downloads {

	private Downloads() {
	}

	/**
	 * A file as buffers, with the subscriber's demand passed through to the connection (the file is read as fast as
	 * it is consumed, not buffered ahead). An attempt that fails before the first byte may be retried under the
	 * stream; nothing is retried once a byte was handed on.
	 * @param download starts the download, given what reads the file
	 * @return the file's buffers; each must be released
	 */
	public static Flux<DataBuffer> stream(Function<Function<FeishuVcFileResponse, Mono<Void>>, Mono<Void>> download) {
		return Flux.<DataBuffer>create((sink) -> {
			// The attempt's reader that the subscriber's demand goes to; one asked before it subscribed, it asks itself.
			AtomicReference<@Nullable Reader> current = new AtomicReference<>();
			sink.onRequest((n) -> {
				Reader reader = current.get();
				if (reader != null) {
					reader.request(n);
				}
			});
			Mono<Void> run = download.apply((file) -> Mono.create((done) -> {
				Reader reader = new Reader(sink, done);
				done.onCancel(reader::dispose);
				current.set(reader);
				file.body().subscribe(reader);
			}));
			sink.onDispose(run.subscribe(null, sink::error, sink::complete));
		}).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
	}

	/**
	 * A file written to disk: to a temporary file beside the target, moved into place once whole, so that a failed
	 * or cancelled download never leaves a partial file.
	 * @param file the file, while the exchange is open
	 * @param target a file to write, or an existing directory to write the file into under its own name
	 * @param fallbackName the name in a directory when the answer names none
	 * @return the path written
	 */
	public static Mono<Path> write(FeishuVcFileResponse file, Path target, String fallbackName) {
		// Off the event loop: looking at the target and making the temporary file touch the disk.
		return Mono.usingWhen(
				Mono.fromCallable(() -> Part.beside(target, safeName(file.fileName(), fallbackName)))
					.subscribeOn(Schedulers.boundedElastic()),
				(part) -> DataBufferUtils
					.write(file.body(), part.temporary(), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
					.then(Mono.fromCallable(() -> move(part.temporary(), part.destination()))
						.subscribeOn(Schedulers.boundedElastic())),
				Downloads::delete, (part, ex) -> delete(part), Downloads::delete);
	}

	/**
	 * A download's temporary file and where it goes once whole.
	 *
	 * @param temporary the temporary file, beside the destination
	 * @param destination the file written at the end
	 */
	private record Part(Path temporary, Path destination) {

		static Part beside(Path target, String name) throws IOException {
			Path destination = Files.isDirectory(target) ? target.resolve(name) : target;
			Path directory = destination.toAbsolutePath().getParent();
			return new Part(Files.createTempFile(directory, ".feishu-vc-", ".part"), destination);
		}

	}

	private static Path move(Path temporary, Path destination) throws IOException {
		try {
			return Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			return Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Once moved, there is nothing left to delete. */
	private static Mono<Void> delete(Part part) {
		return Mono.<Void>fromRunnable(() -> {
			try {
				Files.deleteIfExists(part.temporary());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The platform's name for a file, as one name in the directory: no path, no control characters, not hidden.
	 * @param name the name the answer gave, if any
	 * @param fallback the name otherwise
	 * @return the name
	 */
	static String safeName(@Nullable String name, String fallback) {
		if (name == null) {
			return fallback;
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
			.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_")
			.strip();
		return (last.isEmpty() || last.startsWith(".")) ? fallback : last;
	}

	/** Reads one attempt's body into the sink, no faster than the sink's subscriber asks. */
	private static final class Reader extends BaseSubscriber<DataBuffer> {

		private final FluxSink<DataBuffer> sink;

		private final MonoSink<Void> done;

		Reader(FluxSink<DataBuffer> sink, MonoSink<Void> done) {
			this.sink = sink;
			this.done = done;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			long outstanding = this.sink.requestedFromDownstream();
			if (outstanding > 0) {
				subscription.request(outstanding);
			}
		}

		@Override
		protected void hookOnNext(DataBuffer buffer) {
			this.sink.next(buffer);
		}

		@Override
		protected void hookOnComplete() {
			this.done.success();
		}

		@Override
		protected void hookOnError(Throwable ex) {
			this.done.error(ex);
		}

	}

}
