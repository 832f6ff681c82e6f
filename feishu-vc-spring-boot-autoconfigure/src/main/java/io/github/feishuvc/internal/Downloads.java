package io.github.feishuvc.internal;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.feishuvc.core.CallInfo;
import io.github.feishuvc.core.FeishuVcFileResponse;
import io.github.feishuvc.core.FeishuVcLocalFileException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.Assert;

/**
 * How a downloaded file leaves the exchange: as the caller's own stream of buffers, or written to disk. Neither ever
 * holds more of the file than the buffers in flight.
 *
 * <p>The stream ({@link #stream}) is made of Reactor's parts, {@code Flux.create} and a {@code BaseSubscriber} that
 * passes the subscriber's demand to the connection, for a contract no operator of Reactor's has: the exchange (its
 * deadline, its attempts) stays open until the body is read. What it saves against Reactor's own operators,
 * measured: nothing on a file of many buffers. Per buffer it allocates 151 bytes, all of them the benchmark's own
 * buffer, against 127-151 for Reactor's variants (the same with a new subscriber per download, 24 bytes less for
 * {@code flatMapMany} and the variant below with one subscriber kept: what the JIT keeps off the heap); once per
 * file about 1,820 bytes, against about 2,140 for the same contract from Reactor's sinks and {@code concat}, and
 * 150-180 for a bare {@code flatMapMany} of the body, which cannot keep the exchange open; times within each other's
 * errors (JMH with its GC profiler, {@code OperatorsBenchmark.download*} of the benchmarks module, four runs, the last
 * at fb5fd86, 2 cores shared with other builds at a load of 13-15; {@code BENCHMARKS.md}, "The hand-written operators
 * against Reactor's"). It is kept, not for its cost, but because the sinks' version is no shorter and still lacks the
 * end of a body when the exchange's deadline cancels its attempt.
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
	 * A file written to disk, with no partial file left behind and no existing file replaced that the target does not
	 * name. Before anything is sent, the target's directory is looked at and a temporary file created in it (with the
	 * permissions of any new file, so the process's umask); the file is written there as it arrives, flushed, and only
	 * then, once the exchange is over and its deadline with it, put in place: a file target replaced, or, in a
	 * directory, the first free name of {@code name}, {@code name (1).ext}, {@code name (2).ext}... (as a browser
	 * does). Every failure of the file system is a {@link FeishuVcLocalFileException}, which is never retried; the
	 * temporary file is deleted however the call ends, cancelled included. All disk work runs, one step after
	 * another, on one worker of {@code disk}.
	 * @param target a file to write (replaced if it exists), or an existing directory to write the file into
	 * @param fallbackName the name in a directory when the answer names none
	 * @param operation the download's operation, which a failure names
	 * @param disk where the disk work runs, such as {@link Schedulers#boundedElastic()}
	 * @param download makes the download, given what writes the file: the name it is to have in a directory
	 * @return the path written
	 */
	public static Mono<Path> write(Path target, String fallbackName, String operation, Scheduler disk,
			Function<Function<FeishuVcFileResponse, Mono<String>>, Mono<String>> download) {
		return Mono.usingWhen(Mono.fromSupplier(() -> new Part(target, fallbackName, operation, disk)),
				(part) -> part.open().then(download.apply(part::write)).flatMap(part::place), Part::close,
				(part, ex) -> part.close(), Part::close);
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

	/**
	 * A download's file on disk: its temporary file and where it goes once whole. Its disk steps run one after another
	 * on one worker, so a clean-up asked for while the temporary file is being made (a cancel) runs after it and finds
	 * it. The fields are set by one step and read by the next, which the Mono chain orders (each step subscribed once
	 * the one before signalled), or by the clean-up, which runs on the same worker as the step that set them.
	 */
	private static final class Part {

		/** How many numbered names are tried in a directory before the file is refused. */
		private static final int MAX_NUMBERED = 999;

		private final Path target;

		private final String fallbackName;

		private final String operation;

		private final Scheduler worker;

		private @Nullable Path directory;

		private boolean intoDirectory;

		private @Nullable Path temporary;

		private @Nullable AsynchronousFileChannel channel;

		/** The attempt whose file was written, which a failure after it reports. */
		private @Nullable CallInfo response;

		Part(Path target, String fallbackName, String operation, Scheduler disk) {
			this.target = target;
			this.fallbackName = fallbackName;
			this.operation = operation;
			this.worker = Schedulers.single(disk);
		}

		/** Looks at the target and makes the temporary file, before anything is sent. */
		Mono<Void> open() {
			return onDisk(responseOrNone(), this.target, () -> {
				Path absolute = this.target.toAbsolutePath();
				if (Files.isDirectory(absolute)) {
					this.directory = absolute;
					this.intoDirectory = true;
				}
				else {
					Path parent = absolute.getParent();
					if (parent == null || !Files.exists(parent)) {
						throw new NoSuchFileException(String.valueOf(parent), null, "no such directory");
					}
					if (!Files.isDirectory(parent)) {
						throw new NotDirectoryException(parent.toString());
					}
					this.directory = parent;
				}
				this.channel = create(this.directory);
				return Boolean.TRUE;
			}).then();
		}

		/**
		 * Writes one attempt's body to the temporary file and flushes it. An error of the body (the network's) goes
		 * on as it was, for the executor to judge; an error of the file system becomes a
		 * {@link FeishuVcLocalFileException}.
		 * @return the name the file is to have in a directory
		 */
		Mono<String> write(FeishuVcFileResponse file) {
			AsynchronousFileChannel channel = this.channel;
			Path temporary = this.temporary;
			Assert.state(channel != null && temporary != null, "not open");
			String name = safeName(file.fileName(), this.fallbackName);
			this.response = file.info();
			// The body's own errors are marked on their way through the write, so that only the channel's are taken
			// for the disk's.
			return DataBufferUtils.write(file.body().onErrorMap(Received::new), channel, 0)
				.map(DataBufferUtils::release)
				// A buffer written, or on its way, when the download is cancelled is dropped, not handed on: released.
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
				.onErrorMap(IOException.class, (ex) -> local(file.info(), temporary, ex))
				.onErrorMap(Received.class, Received::getCause)
				.then(onDisk(file.info(), temporary, () -> {
					channel.force(false);
					return name;
				}));
		}

		/** Puts the whole file in place, once the exchange is over. */
		Mono<Path> place(String name) {
			Path directory = this.directory;
			Path temporary = this.temporary;
			Assert.state(directory != null && temporary != null, "not open");
			Path destination = this.intoDirectory ? directory.resolve(name) : this.target;
			return onDisk(responseOrNone(), destination, () -> {
				closeChannel();
				return this.intoDirectory ? placeFree(temporary, directory, name) : replace(temporary, this.target);
			});
		}

		/** Closes and deletes the temporary file, if it is still there, then lets the worker go. */
		Mono<Void> close() {
			return Mono.<Void>fromRunnable(() -> {
				try {
					closeChannel();
					if (this.temporary != null) {
						Files.deleteIfExists(this.temporary);
					}
				}
				catch (IOException ex) {
					throw local(responseOrNone(), this.temporary, ex);
				}
			}).subscribeOn(this.worker).doFinally((signal) -> this.worker.dispose());
		}

		/** A new temporary file in the directory, with the permissions any new file gets. */
		private AsynchronousFileChannel create(Path directory) throws IOException {
			while (true) {
				Path temporary = directory
					.resolve(".feishu-vc-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
				try {
					AsynchronousFileChannel channel = AsynchronousFileChannel.open(temporary,
							StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					this.temporary = temporary;
					return channel;
				}
				catch (FileAlreadyExistsException ex) {
					// Another download's name: draw again.
				}
			}
		}

		/** The attempt whose file was written, or, before any, nothing sent (attempt and status 0). */
		private CallInfo responseOrNone() {
			CallInfo response = this.response;
			return (response != null) ? response : new CallInfo(this.operation, 0, 0, null, null);
		}

		private void closeChannel() throws IOException {
			AsynchronousFileChannel channel = this.channel;
			this.channel = null;
			if (channel != null) {
				channel.close();
			}
		}

		private <T> Mono<T> onDisk(CallInfo info, Path path, Callable<T> work) {
			return Mono.fromCallable(work)
				.subscribeOn(this.worker)
				.onErrorMap(IOException.class, (ex) -> local(info, path, ex));
		}

		/**
		 * The file under the first free name of the directory: linked there, which fails rather than replace a file
		 * that exists, then unlinked from its temporary name. Where the file system has no links, moved without
		 * replacing, which another process could race.
		 */
		private static Path placeFree(Path temporary, Path directory, String name) throws IOException {
			int dot = name.lastIndexOf('.');
			String stem = (dot > 0) ? name.substring(0, dot) : name;
			String extension = (dot > 0) ? name.substring(dot) : "";
			for (int copy = 0; copy <= MAX_NUMBERED; copy++) {
				Path candidate = directory.resolve((copy == 0) ? name : stem + " (" + copy + ")" + extension);
				try {
					Files.createLink(candidate, temporary);
					Files.delete(temporary);
					return candidate;
				}
				catch (FileAlreadyExistsException ex) {
					// Taken: the next number.
				}
				catch (UnsupportedOperationException | FileSystemException ex) {
					if (moved(temporary, candidate)) {
						return candidate;
					}
				}
			}
			throw new FileAlreadyExistsException(directory.resolve(name).toString(), null,
					"and its numbered names up to (" + MAX_NUMBERED + ") exist");
		}

		private static boolean moved(Path temporary, Path candidate) throws IOException {
			try {
				Files.move(temporary, candidate);
				return true;
			}
			catch (FileAlreadyExistsException ex) {
				return false;
			}
		}

		/** The file in place of the target, atomically where the file system can. */
		private static Path replace(Path temporary, Path target) throws IOException {
			try {
				return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}

		private static FeishuVcLocalFileException local(CallInfo info, @Nullable Path path, IOException ex) {
			return new FeishuVcLocalFileException(info, (path != null) ? path : Path.of(""), ex);
		}

	}

	/** An error of the body, marked so that it is not taken for the file system's on its way through the write. */
	private static final class Received extends RuntimeException {

		Received(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

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
