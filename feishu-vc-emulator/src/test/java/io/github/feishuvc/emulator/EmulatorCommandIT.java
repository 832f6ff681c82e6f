package io.github.feishuvc.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as scripts run it: {@code java -jar} in a process of its own, its standard output read line by
 * line until {@code ready}, the platform it serves reached over HTTP, SIGTERM to stop it. Run by Failsafe after the
 * package phase, on the jar that phase made.
 */
class EmulatorCommandIT {

	/** How long anything here may take: far more than the start-up, which is measured, never asserted. */
	private static final Duration BOUND = Duration.ofSeconds(60);

	private static final Path JAR = Path.of(System.getProperty("feishuvc.emulator.jar", "missing"));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@TempDir
	Path temp;

	@Test
	void shouldPrintItsSettingsServeTokensAndStopOnSigterm() throws Exception {
		try (Emulator emulator = Emulator.start(this.temp, "--app-id=cli_a1b2c3d4e5f60718", "--app-secret", "s3cret",
				"--token-lifetime=5m")) {
			List<String> lines = emulator.linesUntilReady();

			assertThat(lines).hasSize(5);
			assertThat(lines.get(0)).matches("base-url: http://127\\.0\\.0\\.1:\\d+");
			String baseUrl = lines.get(0).substring("base-url: ".length());
			assertThat(lines.subList(1, 5)).containsExactly("app-id: cli_a1b2c3d4e5f60718", "app-secret: s3cret",
					"control-url: " + baseUrl + "/_emulator", "ready");

			JsonNode token = post(baseUrl + "/open-apis/auth/v3/tenant_access_token/internal",
					"{\"app_id\":\"cli_a1b2c3d4e5f60718\",\"app_secret\":\"s3cret\"}");
			assertThat(token.get("code").asInt()).isZero();
			assertThat(token.get("tenant_access_token").asString()).isNotBlank();
			// --token-lifetime=5m: the token expires within five minutes, not the two hours of the default.
			assertThat(token.get("expire").asInt()).isBetween(240, 300);

			// SIGTERM, as a script's kill: through the process's handle, as Process.destroy() also closes the pipe from
			// which "stopped" is to be read.
			assertThat(emulator.process.toHandle().destroy()).isTrue();

			assertThat(emulator.process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
			assertThat(emulator.process.exitValue()).isZero();
			assertThat(emulator.remainingLines()).containsExactly("stopped");
		}
	}

	@Test
	void shouldListenOnThePortItIsGiven() throws Exception {
		int port = freePort();
		try (Emulator emulator = Emulator.start(this.temp, "--port", String.valueOf(port))) {
			List<String> lines = emulator.linesUntilReady();

			assertThat(lines.get(0)).isEqualTo("base-url: http://127.0.0.1:" + port);
			JsonNode token = post("http://127.0.0.1:" + port + "/open-apis/auth/v3/tenant_access_token/internal",
					"{\"app_id\":\"cli_e0a1a70000000001\",\"app_secret\":\"emulator-app-secret\"}");
			assertThat(token.get("code").asInt()).isZero();
		}
	}

	@Test
	void shouldExitWithStatus2NamingABadOptionOnStandardError() throws Exception {
		try (Emulator emulator = Emulator.start(this.temp, "--port=abc")) {
			assertThat(emulator.exitStatus()).isEqualTo(2);
			assertThat(emulator.remainingLines()).isEmpty();
			assertThat(emulator.standardError()).contains("--port: 'abc' is not a whole number")
				.contains(EmulatorOptions.USAGE + " (--help lists the options)");
		}
	}

	@Test
	void shouldStartWithTheTenantOfItsStateFile() throws Exception {
		Path state = Files.writeString(this.temp.resolve("tenant.json"), """
				{"reserves": [{"reserve": {"id": "7100", "meeting_no": "100200300",
				                           "url": "https://vc.feishu.cn/j/100200300", "reserve_user_id": "ou_owner",
				                           "meeting_settings": {"topic": "Planning"}},
				               "ownerId": "ou_owner"}]}""");
		try (Emulator emulator = Emulator.start(this.temp, "--state", state.toString())) {
			String controlUrl = emulator.linesUntilReady().get(3).substring("control-url: ".length());

			HttpResponse<String> reserve = this.http.send(
					HttpRequest.newBuilder(URI.create(controlUrl + "/reserves/7100")).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(reserve.statusCode()).as(reserve.body()).isEqualTo(200);
			JsonNode seeded = JsonMapper.builder().build().readTree(reserve.body()).path("reserve");
			assertThat(seeded.path("meeting_no").asString()).isEqualTo("100200300");
			assertThat(seeded.path("meeting_settings").path("topic").asString()).isEqualTo("Planning");
		}
	}

	@Test
	void shouldExitWithStatus2NamingTheStateFileWhenItIsNotAState() throws Exception {
		Path state = Files.writeString(this.temp.resolve("tenant.json"), "{\"reserves\": {}}");
		try (Emulator emulator = Emulator.start(this.temp, "--state=" + state)) {
			assertThat(emulator.exitStatus()).isEqualTo(2);
			assertThat(emulator.remainingLines()).isEmpty();
			assertThat(emulator.standardError())
				.contains("--state: " + state + ": Section 'reserves' of the state must be an array")
				.contains(EmulatorOptions.USAGE + " (--help lists the options)");
		}
	}

	@Test
	void shouldExitWithStatus1WhenItsPortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
				Emulator emulator = Emulator.start(this.temp, "--port=" + taken.getLocalPort())) {
			assertThat(emulator.exitStatus()).isEqualTo(1);
			assertThat(emulator.remainingLines()).isEmpty();
			assertThat(emulator.standardError()).contains("could not start");
		}
	}

	@Test
	void shouldPrintTheHelpAndExit0() throws Exception {
		try (Emulator emulator = Emulator.start(this.temp, "--help")) {
			assertThat(emulator.exitStatus()).isZero();
			assertThat(String.join("\n", emulator.remainingLines()) + "\n").isEqualTo(EmulatorOptions.usage());
		}
	}

	private JsonNode post(String url, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	/** The jar in a process, its standard output read as it comes, its standard error kept in a file. */
	private static final class Emulator implements AutoCloseable {

		private final Process process;

		private final Path standardError;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		/** Put after the last line, when standard output closes. */
		private static final String END = "\0end";

		private Emulator(Process process, Path standardError) {
			this.process = process;
			this.standardError = standardError;
			Thread reader = new Thread(this::read, "emulator-stdout");
			reader.setDaemon(true);
			reader.start();
		}

		static Emulator start(Path temp, String... options) throws IOException {
			assertThat(JAR).as("the packaged jar (run by Failsafe after the package phase)").isRegularFile();
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
			command.addAll(List.of(options));
			Path standardError = Files.createTempFile(temp, "stderr", ".txt");
			Process process = new ProcessBuilder(command).redirectError(standardError.toFile()).start();
			return new Emulator(process, standardError);
		}

		private void read() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// The process was killed: what was read is what there is.
			}
			finally {
				this.lines.add(END);
			}
		}

		/** The lines printed up to {@code ready}, awaited as they come, within the bound. */
		List<String> linesUntilReady() throws InterruptedException, IOException {
			List<String> read = new ArrayList<>();
			long deadline = System.nanoTime() + BOUND.toNanos();
			while (read.isEmpty() || !read.get(read.size() - 1).equals("ready")) {
				String line = this.lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				assertThat(line).as("a line within %s; so far %s; standard error: %s", BOUND, read, standardError())
					.isNotNull()
					.isNotEqualTo(END);
				read.add(line);
			}
			return read;
		}

		/** The lines printed until standard output closed, once the process is over. */
		List<String> remainingLines() throws InterruptedException {
			List<String> read = new ArrayList<>();
			long deadline = System.nanoTime() + BOUND.toNanos();
			for (String line = this.lines.poll(BOUND.toNanos(), TimeUnit.NANOSECONDS); !END.equals(line); line = this.lines
				.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
				assertThat(line).as("standard output closed within %s; so far %s", BOUND, read).isNotNull();
				read.add(line);
			}
			return read;
		}

		int exitStatus() throws InterruptedException {
			assertThat(this.process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("exited within %s", BOUND)
				.isTrue();
			return this.process.exitValue();
		}

		String standardError() throws IOException {
			return Files.readString(this.standardError);
		}

		@Override
		public void close() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor();
				}
			}
		}

	}

}
