package io.github.feishuvc.emulator;

/**
 * A command line the emulator refuses: an unknown option, one without its value, or a value it cannot take. The
 * message names the option, so that whoever wrote the script sees at once what to change.
 */
final class BadOptionException extends RuntimeException {

	BadOptionException(String message) {
		super(message);
	}

}
