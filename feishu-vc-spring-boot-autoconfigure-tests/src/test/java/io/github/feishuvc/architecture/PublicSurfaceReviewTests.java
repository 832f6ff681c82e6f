package io.github.feishuvc.architecture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review 35: what the public API listing and the reshape let through. The listing names a constant but not its value,
 * although a compiler copies the value of a {@code static final} constant into its users' classes, so changing it is
 * an incompatible change that no diff of {@code api/*.txt} shows; and moving {@code LogThrottle} out of
 * {@code internal} to keep {@code events} off {@code internal} made a logging helper of ours public API.
 */
class PublicSurfaceReviewTests {

	private static final String LIBRARY = "feishu-vc-spring-boot-autoconfigure";

	@Test
	void shouldShowAConstantsValueInTheListingWhenItChanges() throws Exception {
		assertThat(PublicApiListingTests.listing(LIBRARY))
			.contains("public static final java.lang.String PREFIX = \"feishu.vc\"")
			.contains("public static final java.lang.String PREFIX = \"feishu.vc.events\"");
	}

	@Test
	void shouldKeepTheLibrarysLogThrottleOutOfThePublicApi() throws Exception {
		assertThat(PublicApiListingTests.listing(LIBRARY)).doesNotContain("io.github.feishuvc.core.LogThrottle");
	}

}
