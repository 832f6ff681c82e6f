package io.github.feishuvc.emulator;

import java.util.function.BiConsumer;

import io.github.feishuvc.test.FeishuVcEmulator;
import org.jspecify.annotations.Nullable;

/**
 * One option of the command line, as the help lists it and as it sets the emulator up.
 *
 * @param name the option's name without its dashes, such as {@code port}
 * @param value what its value is, in the help, such as {@code N}; empty for a flag
 * @param defaultValue the value that holds when it is not given, written as the option takes it, or
 * {@link EmulatorOptions#NONE} for an option that is off unless given; empty for a flag
 * @param description what it does, in one line
 * @param builderMethod the {@link FeishuVcEmulator.Builder} method it calls, or null if it calls none
 * @param setter reads the value and sets the options (the builder among them) with it; throws
 * {@link IllegalArgumentException} for a value it cannot take, with a message saying why (the option's name is added
 * to it)
 */
record Option(String name, String value, String defaultValue, String description, @Nullable String builderMethod,
		BiConsumer<EmulatorOptions, String> setter) {

	/** Whether the option takes no value, as {@code --help}. */
	boolean isFlag() {
		return this.value.isEmpty();
	}

	/** The option as it is written, such as {@code --port}. */
	String flag() {
		return "--" + this.name;
	}

}
