package io.github.feishuvc.architecture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public API listing must show, and what must stay out of it (review of issue 35): a constant's value, which a
 * compiler copies into its users' classes, so that changing it shows as a diff of {@code api/*.txt}; and no logging
 * helper of ours.
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
