package io.github.feishuvc.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.events.FeishuEvent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One instance of the fleet {@link InboxFleetTests} starts as a process of its own: an application without a web
 * server, its events over the long connection and through the inbox on Redis, configured from its command line
 * ({@code --feishu.vc.base-url=...}, {@code --spring.data.redis.port=...}). Its listener records each event it handled
 * in the Redis set {@value #HANDLED} (its id, a space, and the meeting id the test numbered it with), and counts its
 * handlings under its process id in the hash {@value #HANDLINGS}.
 *
 * <p>With {@code --fleet.hold-after=n}, its listener stops at its {@code n+1}th event and waits for good, each event
 * handed to it then kept unacknowledged: the test kills such an instance while it holds events, as a crash in the
 * middle of the listeners' work would find it.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class InboxFleetInstance {

	/** The set of the events the listeners handled, in every instance: {@code <event id> <meeting id>}. */
	public static final String HANDLED = "fleet:handled";

	/** The hash of how many events each instance (by process id) handled, duplicates included. */
	public static final String HANDLINGS = "fleet:handlings";

	/**
	 * Start the instance.
	 * @param args the application's properties, as {@code --name=value}
	 */
	public static void main(String[] args) {
		exitWithTheTest();
		SpringApplication application = new SpringApplication(InboxFleetInstance.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// No web server and only daemon threads (Reactor Netty's): without it, the JVM would end with this method.
		application.setKeepAlive(true);
		application.run(args);
	}

	/**
	 * The test writes nothing to this process's standard input and keeps it open: its end, the test's JVM gone however
	 * it ended, ends this process too, which would otherwise stay connected to nothing.
	 */
	private static void exitWithTheTest() {
		Thread watcher = new Thread(() -> {
			try (InputStream in = System.in) {
				while (in.read() != -1) {
					// Nothing is ever written: read until the end.
				}
			}
			catch (IOException ex) {
				// The end of the input, as far as this process is concerned.
			}
			Runtime.getRuntime().halt(3);
		}, "fleet-test-watcher");
		watcher.setDaemon(true);
		watcher.start();
	}

	@Bean
	RecordingListener recordingListener(StringRedisTemplate redis, @Value("${fleet.hold-after:-1}") int holdAfter) {
		return new RecordingListener(redis, holdAfter);
	}

	/** Records each event's id in Redis once its work is done, as an application would record its effect. */
	static class RecordingListener {

		private final StringRedisTemplate redis;

		private final int holdAfter;

		private final AtomicInteger arrived = new AtomicInteger();

		/** Never counted down: a held listener waits until the process is killed. */
		private final CountDownLatch never = new CountDownLatch(1);

		private final String instance = Long.toString(ProcessHandle.current().pid());

		RecordingListener(StringRedisTemplate redis, int holdAfter) {
			this.redis = redis;
			this.holdAfter = holdAfter;
		}

		@EventListener
		void on(FeishuEvent event) throws InterruptedException {
			// Counted on arrival, not once done: however many listener threads, exactly holdAfter events go through.
			if (this.holdAfter >= 0 && this.arrived.getAndIncrement() >= this.holdAfter) {
				this.never.await();
			}
			String meeting = FeishuVcJson.mapper().readTree(event.json()).path("event").path("meeting").path("id")
				.asString();
			this.redis.opsForSet().add(HANDLED, event.eventId() + " " + meeting);
			this.redis.opsForHash().increment(HANDLINGS, this.instance, 1);
		}

	}

}
