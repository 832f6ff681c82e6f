package io.github.feishuvc.test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control API against the Java hooks: every public method of the emulator's Java API has its operation, or a
 * written reason why not ({@link ControlApi#NOT_SERVED}), and every hook an operation names exists.
 */
class ControlApiCoverageTests {

	private static final Class<?>[] HOOKS = { FeishuVcEmulator.class, EmulatorMeetings.class, EmulatorRooms.class,
			EmulatorScopes.class, EmulatorExports.class, EmulatorAlerts.class, EmulatorMinutes.class,
			EmulatorAgents.class };

	@Test
	void shouldServeEveryPublicJavaHookOrSayWhyNot() {
		Set<String> served = served();

		assertThat(javaHooks()).allSatisfy((hook) -> assertThat(served.contains(hook)
				|| ControlApi.NOT_SERVED.containsKey(hook))
			.as("%s has no control operation and no reason in ControlApi.NOT_SERVED", hook)
			.isTrue());
	}

	@Test
	void shouldNameOnlyHooksThatExist() {
		Set<String> hooks = javaHooks();

		assertThat(served()).allSatisfy((hook) -> assertThat(hooks).as("an operation serves %s", hook).contains(hook));
		assertThat(ControlApi.NOT_SERVED.keySet()).allSatisfy((hook) -> assertThat(hooks).contains(hook));
		assertThat(ControlApi.NOT_SERVED.keySet()).doesNotContainAnyElementsOf(served());
	}

	private static Set<String> served() {
		try (FeishuVcEmulator emulator = FeishuVcEmulator.start()) {
			Set<String> served = new TreeSet<>();
			emulator.control().operations().forEach((operation) -> served.addAll(operation.hooks()));
			return served;
		}
	}

	private static Set<String> javaHooks() {
		Set<String> hooks = new TreeSet<>();
		for (Class<?> type : HOOKS) {
			for (Method method : type.getDeclaredMethods()) {
				if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
					hooks.add(type.getSimpleName() + "." + method.getName());
				}
			}
		}
		return hooks;
	}

}
