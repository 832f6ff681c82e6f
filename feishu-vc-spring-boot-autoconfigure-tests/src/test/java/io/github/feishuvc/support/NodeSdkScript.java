package io.github.feishuvc.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.feishuvc.core.FeishuVcJson;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script of the official Node SDK ({@code @larksuiteoapi/node-sdk}, pinned in {@code src/test/node/package-lock.json})
 * run as an oracle: it prints one JSON line per step ({@code {"step": ...}}), which the test takes in order; the SDK's
 * own log lines on the same stream are skipped. {@code .ci/run} installs the SDK ({@code npm ci}); without it a test is
 * skipped with a note, and fails on CI.
 */
public final class NodeSdkScript implements AutoCloseable {

	/** Where the scripts and the SDK are. */
	public static final Path DIRECTORY = Path.of("src", "test", "node");

	private final Process process;

	private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();

	/** Lines read past by {@link #nextOf}, kept in order for their own steps. */
	private final List<JsonNode> held = new ArrayList<>();

	private NodeSdkScript(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readLines, "node-sdk-oracle");
		reader.setDaemon(true);
		reader.start();
	}

	/** Skip the test unless the Node SDK is installed (fail instead on CI, where it must be). */
	public static void assumeInstalled() {
		if (!Files.isDirectory(DIRECTORY.resolve("node_modules/@larksuiteoapi/node-sdk"))) {
			String reason = "the Node SDK is not installed (npm ci --prefix " + DIRECTORY + "; .ci/run runs it)";
			if (System.getenv("FEISHU_VC_CI") != null) {
				throw new IllegalStateException(reason);
			}
			Assumptions.abort(reason);
		}
	}

	/**
	 * Start a script of {@link #DIRECTORY}.
	 * @param script the script's file name
	 * @param arguments its arguments
	 * @return the running script
	 * @throws IOException if node cannot be started
	 */
	public static NodeSdkScript start(String script, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		return new NodeSdkScript(new ProcessBuilder(command).directory(DIRECTORY.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start());
	}

	/**
	 * The next line the script printed, which must be of this step.
	 * @param step the step
	 * @return the line
	 * @throws InterruptedException if interrupted while waiting
	 */
	public JsonNode next(String step) throws InterruptedException {
		JsonNode line = this.held.isEmpty() ? this.lines.poll(30, TimeUnit.SECONDS) : this.held.remove(0);
		assertThat(line).as("the Node SDK's %s", step).isNotNull();
		assertThat(line.path("step").asString()).as(line.toString()).isEqualTo(step);
		return line;
	}

	/**
	 * The next line of a step, lines of other steps printed before it kept, in order, for their own steps: for a
	 * script whose events and answers interleave.
	 * @param step the step
	 * @return the line
	 * @throws InterruptedException if interrupted while waiting
	 */
	public JsonNode nextOf(String step) throws InterruptedException {
		for (Iterator<JsonNode> held = this.held.iterator(); held.hasNext();) {
			JsonNode line = held.next();
			if (line.path("step").asString().equals(step)) {
				held.remove();
				return line;
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			JsonNode line = this.lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			assertThat(line).as("the Node SDK's %s (after %s)", step, this.held).isNotNull();
			assertThat(line.path("step").asString()).as(line.toString()).isNotEqualTo("failed");
			if (line.path("step").asString().equals(step)) {
				return line;
			}
			this.held.add(line);
		}
	}

	/**
	 * Write a line to the script's standard input.
	 * @param line the line
	 * @throws IOException if the script is gone
	 */
	public void writeLine(String line) throws IOException {
		OutputStream in = this.process.getOutputStream();
		in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
		in.flush();
	}

	/**
	 * Wait for the script to end by itself, with status 0.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void assertEndsCleanly() throws InterruptedException {
		assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.process.exitValue()).isZero();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

	private void readLines() {
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				// The SDK's own log lines go to the same stream: only the script's JSON lines are steps.
				if (line.startsWith("{\"step\"")) {
					this.lines.add(FeishuVcJson.mapper().readTree(line));
				}
			}
		}
		catch (Exception ex) {
			// The process ended: the test sees no more lines.
		}
	}

}
