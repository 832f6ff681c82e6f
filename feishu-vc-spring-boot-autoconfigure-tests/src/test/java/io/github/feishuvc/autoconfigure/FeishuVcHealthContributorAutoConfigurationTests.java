package io.github.feishuvc.autoconfigure;

import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.health.FeishuVcHealthIndicator;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.support.FixedTenantToken;
import io.github.feishuvc.support.TestFeishu;
import io.github.feishuvc.test.Endpoint;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FeishuVcHealthContributorAutoConfiguration} and {@link FeishuVcHealthIndicator}.
 */
class FeishuVcHealthContributorAutoConfigurationTests {

	private FeishuVcEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.emulator = FeishuVcEmulator.start();
		this.contextRunner = TestFeishu.contextRunner(this.emulator)
			.withConfiguration(AutoConfigurations.of(FeishuVcHealthContributorAutoConfiguration.class));
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void shouldBeUnknownBeforeTheFirstTokenAndUpAfterIt() {
		this.contextRunner.run((context) -> {
			HealthIndicator health = context.getBean("feishuVcHealthIndicator", HealthIndicator.class);
			assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);

			context.getBean(ReserveOperations.class).get(FeishuVcEmulator.REFERENCE_RESERVE_ID).block();

			Health up = health.health();
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsKeys("lastRefresh", "tokenExpiresAt").containsEntry("tokenExpired", false);
			assertNoToken(up);
		});
	}

	@Test
	void shouldBeDownAfterAFailedTokenFetchWithoutCallingFeishuAgain() {
		this.contextRunner.withPropertyValues("feishu.vc.app-secret=wrong-secret").run((context) -> {
			StepVerifier.create(context.getBean(ReserveOperations.class).get("1")).expectError().verify();
			int tokenRequests = this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN);
			HealthIndicator health = context.getBean("feishuVcHealthIndicator", HealthIndicator.class);

			Health down = health.health();
			for (int probe = 0; probe < 5; probe++) {
				health.health();
			}

			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("error", "FeishuVcAuthenticationException")
				.containsEntry("code", 10014)
				.containsEntry("msg", "app secret invalid")
				.containsEntry("httpStatus", 400)
				.containsKey("logId");
			assertThat(down.toString()).doesNotContain("wrong-secret");
			assertThat(this.emulator.requestCount(Endpoint.TENANT_ACCESS_TOKEN)).isEqualTo(tokenRequests);
			assertThat(this.emulator.requests()).hasSize(tokenRequests);
		});
	}

	@Test
	void shouldBeSwitchedOffWithBootsUsualProperty() {
		this.contextRunner.withPropertyValues("feishu.vc.app-secret=s", "management.health.feishu-vc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FeishuVcHealthIndicator.class));
	}

	@Test
	void shouldBackOffWithoutBootsHealthSupport() {
		this.contextRunner.withPropertyValues("feishu.vc.app-secret=s")
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FeishuVcHealthIndicator.class));
	}

	@Test
	void shouldBackOffForATokenProviderOfTheApplicationsOwn() {
		this.contextRunner.withBean(TenantAccessTokenProvider.class, () -> new FixedTenantToken("t-own"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FeishuVcHealthIndicator.class));
	}

	@Test
	void shouldBackOffWhenTheApplicationDefinesTheIndicator() {
		HealthIndicator own = () -> Health.up().build();
		this.contextRunner.withPropertyValues("feishu.vc.app-secret=s")
			.withBean("feishuVcHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> assertThat(context.getBean("feishuVcHealthIndicator")).isSameAs(own));
	}

	private void assertNoToken(Health health) {
		this.emulator.requests()
			.stream()
			.map((request) -> request.authorization())
			.filter((authorization) -> authorization != null)
			.forEach((authorization) -> assertThat(health.toString()).doesNotContain(authorization.substring(7)));
	}

}
