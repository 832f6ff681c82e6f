package io.github.feishuvc.autoconfigure;

import java.time.Clock;

import io.github.feishuvc.auth.TokenRefreshHistory;
import io.github.feishuvc.core.FeishuVcSharedStateStatus;
import io.github.feishuvc.events.longconnection.FeishuLongConnection;
import io.github.feishuvc.health.FeishuVcHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code feishuVc} health indicator, when Spring Boot's health support is present; switch
 * it off with {@code management.health.feishu-vc.enabled=false}.
 */
@AutoConfiguration(after = FeishuVcAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(TokenRefreshHistory.class)
@ConditionalOnEnabledHealthIndicator("feishu-vc")
public final class FeishuVcHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "feishuVcHealthIndicator")
	FeishuVcHealthIndicator feishuVcHealthIndicator(TokenRefreshHistory tokenProvider,
			ObjectProvider<FeishuVcSharedStateStatus> sharedState, ObjectProvider<FeishuLongConnection> longConnection) {
		FeishuLongConnection connection = longConnection.getIfAvailable();
		return new FeishuVcHealthIndicator(tokenProvider, Clock.systemUTC(), sharedState.getIfAvailable(),
				(connection != null) ? connection::state : null);
	}

}
