package io.github.feishuvc.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Stops an application on Spring Boot 3 or older as soon as its environment is ready, before any other listener of
 * that event and before any bean, with one sentence that Spring Boot's failure analysis prints: the starter is built
 * on Spring Boot 4 (Spring Framework 7, Jackson 3), and on an older Boot its dependencies would mix two generations of
 * Spring on the classpath and fail later with class-loading errors that name neither. It uses only what every
 * generation of Spring Boot has, so that it loads where the rest of the starter cannot.
 */
public final class FeishuVcSpringBootCheck
		implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The first generation of Spring Boot the starter runs on. */
	static final int REQUIRED_MAJOR = 4;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		check(SpringBootVersion.getVersion());
	}

	@Override
	public int getOrder() {
		return HIGHEST_PRECEDENCE;
	}

	/**
	 * Fails for a Spring Boot older than 4.
	 * @param version the version of Spring Boot on the classpath, {@code null} if unknown (a repackaged jar)
	 * @throws FeishuVcConfigurationException naming the version found and what to do
	 */
	static void check(@Nullable String version) {
		int major = major(version);
		if (major >= 0 && major < REQUIRED_MAJOR) {
			throw new FeishuVcConfigurationException("feishu-vc-spring-boot needs Spring Boot " + REQUIRED_MAJOR
					+ " or later (Spring Framework 7, Jackson 3), but this application runs on Spring Boot " + version
					+ ".", "Upgrade the application to Spring Boot " + REQUIRED_MAJOR
							+ " (its parent or spring-boot-dependencies), or remove feishu-vc-spring-boot-starter: "
							+ "Spring Boot " + major + " is not supported.");
		}
	}

	private static int major(@Nullable String version) {
		if (version == null) {
			return -1;
		}
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		return (end > 0) ? Integer.parseInt(version.substring(0, end)) : -1;
	}

}
