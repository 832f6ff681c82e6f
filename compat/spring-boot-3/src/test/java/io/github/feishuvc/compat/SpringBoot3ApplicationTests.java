package io.github.feishuvc.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A newcomer's Spring Boot 3 application with the starter added: it stops at start-up with the one sentence that
 * names the Spring Boot the starter needs, printed as Spring Boot's failure analysis, rather than with class-loading
 * errors of the mixed classpath.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBoot3ApplicationTests {

	@Test
	void shouldStopWithOneSentenceNamingSpringBoot4(CapturedOutput output) {
		assertThat(SpringBootVersion.getVersion()).as("the Spring Boot of this application").startsWith("3.");
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatException().isThrownBy(application::run)
			.withMessage("feishu-vc-spring-boot needs Spring Boot 4 or later (Spring Framework 7, Jackson 3), but this "
					+ "application runs on Spring Boot " + SpringBootVersion.getVersion() + ".");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Upgrade the application to Spring Boot 4");
	}

	@SpringBootApplication
	static class Application {

	}

}
