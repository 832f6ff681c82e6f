package io.github.feishuvc.autoconfigure;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The check of the Spring Boot generation, which runs first in every application: an older Boot is named, with what to
 * do, before the mixed classpath can fail with class-loading errors.
 */
class FeishuVcSpringBootCheckTests {

	@Test
	void shouldNameASpringBoot3() {
		assertThatExceptionOfType(FeishuVcConfigurationException.class)
			.isThrownBy(() -> FeishuVcSpringBootCheck.check("3.5.7"))
			.withMessage("feishu-vc-spring-boot needs Spring Boot 4 or later (Spring Framework 7, Jackson 3), but this "
					+ "application runs on Spring Boot 3.5.7.")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("Upgrade the application to Spring Boot 4",
					"Spring Boot 3 is not supported"));
		assertThatExceptionOfType(FeishuVcConfigurationException.class)
			.isThrownBy(() -> FeishuVcSpringBootCheck.check("2.7.18"));
	}

	@Test
	void shouldLetSpringBoot4AndAnUnknownVersionThrough() {
		assertThatNoException().isThrownBy(() -> FeishuVcSpringBootCheck.check(SpringBootVersion.getVersion()));
		assertThatNoException().isThrownBy(() -> FeishuVcSpringBootCheck.check("4.0.0-SNAPSHOT"));
		assertThatNoException().isThrownBy(() -> FeishuVcSpringBootCheck.check("5.0.0"));
		assertThatNoException().isThrownBy(() -> FeishuVcSpringBootCheck.check(null));
		assertThatNoException().isThrownBy(() -> FeishuVcSpringBootCheck.check("unknown"));
	}

	@Test
	@SuppressWarnings("rawtypes")
	void shouldBeRegisteredForEveryApplication() throws IOException {
		List<ApplicationListener> listeners = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ApplicationListener.class);

		assertThat(listeners).hasAtLeastOneElementOfType(FeishuVcSpringBootCheck.class);
	}

}
