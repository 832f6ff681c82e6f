package io.github.feishuvc.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a test meets around the emulator's own life: the app id is of the platform's form, an event with nowhere to
 * go says so, and the emulator a test context starts is closed with it, even when the context fails to start.
 */
class FeishuVcEmulatorLifecycleTests {

	@Test
	void shouldUseAnAppIdOfThePlatformsForm() {
		assertThat(FeishuVcEmulator.DEFAULT_APP_ID).matches("cli_[0-9a-f]{16}");
	}

	@Test
	void shouldSayWhereAnEventCouldGoWhenNoApplicationAskedForIt() {
		FeishuVcEmulator.Builder builder = FeishuVcEmulator.builder();
		builder.destinationWait = Duration.ofMillis(100);
		try (FeishuVcEmulator emulator = builder.start()) {
			assertThatIllegalStateException()
				.isThrownBy(() -> emulator.pushEvent("vc.meeting.meeting_started_v1",
						FeishuVcEmulator.DEFAULT_TENANT_KEY, "{}"))
				.withMessageContaining("no application asked for a long connection")
				.withMessageContaining("feishu.vc.events.mode=long-connection")
				.withMessageContaining("deliverEventsTo(url)");
		}
	}

	@Test
	void shouldCloseTheEmulatorOfAContextThatFailsToStart() {
		var customizer = new FeishuVcEmulatorContextCustomizerFactory.EmulatorCustomizer(
				new FeishuVcEmulatorContextCustomizerFactory.Settings(List.of(), "", false));
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, new MergedContextConfiguration(getClass(), null, null, null, null));
		FeishuVcEmulator emulator = context.getBeanFactory().getBean(FeishuVcEmulator.class);
		assertThat(accepts(emulator.port())).isTrue();
		context.registerBean("broken", Object.class, () -> {
			throw new IllegalStateException("a bean that cannot be created");
		});

		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);

		assertThat(accepts(emulator.port())).as("the emulator's port after the failed start").isFalse();
	}

	@Test
	void shouldCloseTheEmulatorWithItsContext() {
		var customizer = new FeishuVcEmulatorContextCustomizerFactory.EmulatorCustomizer(
				new FeishuVcEmulatorContextCustomizerFactory.Settings(List.of(), "", false));
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, new MergedContextConfiguration(getClass(), null, null, null, null));
		context.refresh();
		FeishuVcEmulator emulator = context.getBean(FeishuVcEmulator.class);
		assertThat(accepts(emulator.port())).isTrue();

		context.close();

		assertThat(accepts(emulator.port())).isFalse();
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
