package io.github.feishuvc.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

import io.github.feishuvc.test.FeishuVcEmulator;

/**
 * The emulator of the Feishu open platform as a server, for tests in any language:
 * {@code java -jar feishu-vc-emulator.jar [options]} starts a {@link FeishuVcEmulator} on a loopback port and, once it
 * listens, prints one setting a line on standard output, then {@code ready}, which scripts wait for:
 *
 * <pre>
 * base-url: http://127.0.0.1:N
 * app-id: ...
 * app-secret: ...
 * control-url: http://127.0.0.1:N/_emulator
 * ready
 * </pre>
 *
 * It runs until SIGTERM (or SIGINT), then closes the emulator, prints {@code stopped} and exits with status 0.
 * {@code --help} lists the options; a bad option or value (a state document of another shape among them) is named on
 * standard error, with status 2; an emulator that cannot start (its port taken) exits with status 1. Nothing else is
 * written to standard output.
 */
public final class EmulatorCommand {

	/** Exit status of a command line the emulator refuses. */
	private static final int BAD_OPTION = 2;

	/** Exit status of an emulator that could not start. */
	private static final int FAILED = 1;

	private EmulatorCommand() {
	}

	/**
	 * Start the emulator with the options given and serve until the process is told to stop.
	 * @param args the options, {@code --name=value} or {@code --name value}; {@code --help} lists them
	 * @throws InterruptedException never in practice: the main thread waits for a stop that ends the process
	 */
	public static void main(String[] args) throws InterruptedException {
		PrintStream out = System.out;
		EmulatorOptions options;
		try {
			options = EmulatorOptions.parse(args);
		}
		catch (BadOptionException ex) {
			refuse(ex.getMessage());
			return;
		}
		if (options.help) {
			out.print(EmulatorOptions.usage());
			out.flush();
			return;
		}
		FeishuVcEmulator emulator;
		try {
			emulator = options.builder.start();
		}
		catch (RuntimeException ex) {
			if (ex instanceof IllegalArgumentException && options.stateFile != null) {
				// The builder took every other value as it was read: what it refuses at start is the state document.
				refuse("--state: " + options.stateFile + ": " + ex.getMessage());
			}
			else {
				exit(FAILED, "feishu-vc-emulator: could not start: " + ex.getMessage());
			}
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(emulator, out), "feishu-vc-emulator-stop"));
		out.println("base-url: " + emulator.baseUrl());
		out.println("app-id: " + emulator.appId());
		out.println("app-secret: " + emulator.appSecret());
		out.println("control-url: " + emulator.controlUrl());
		out.println("ready");
		out.flush();
		// The emulator's threads are daemons, as an in-process emulator's must be: this one keeps the process up
		// until a signal runs the hook above.
		new CountDownLatch(1).await();
	}

	private static void stop(FeishuVcEmulator emulator, PrintStream out) {
		emulator.close();
		out.println("stopped");
		out.flush();
		// A signal's exit status is 128 and its number: halting here says the emulator stopped as asked (0), once it
		// is closed. Nothing else of this process has a shutdown hook to run.
		Runtime.getRuntime().halt(0);
	}

	private static void refuse(String message) {
		exit(BAD_OPTION, "feishu-vc-emulator: " + message + "\n" + EmulatorOptions.USAGE + " (--help lists the options)");
	}

	private static void exit(int status, String message) {
		System.err.println(message);
		System.err.flush();
		System.exit(status);
	}

}
