package io.github.feishuvc.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Defects found reviewing issue 39 in the command line: each test fails until its defect is fixed.
 */
class Issue39ReviewFailingOptionsTests {

	@ParameterizedTest
	@ValueSource(strings = { "1500ms", "2500ms", "PT1.5S" })
	void shouldRefuseAPingIntervalOfNoWholeSecondsAsTheHelpAndDocsSay(String interval) {
		assertThatExceptionOfType(BadOptionException.class)
			.isThrownBy(() -> EmulatorOptions.parse("--long-connection-ping-interval=" + interval))
			.withMessageContaining("--long-connection-ping-interval");
	}

}
