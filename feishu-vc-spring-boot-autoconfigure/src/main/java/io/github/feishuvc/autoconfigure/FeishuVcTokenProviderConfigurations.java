package io.github.feishuvc.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.CachingTenantAccessTokenProvider;
import io.github.feishuvc.auth.StoreAppTokenProvider;
import io.github.feishuvc.auth.TenantAccessTokenProvider;
import io.github.feishuvc.auth.TokenStore;
import io.github.feishuvc.core.FeishuVcExecutor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The {@link TenantAccessTokenProvider} for each kind of app ({@code feishu.vc.app-type}).
 */
final class FeishuVcTokenProviderConfigurations {

	private static final String CAFFEINE = "com.github.benmanes.caffeine.cache.Caffeine";

	private FeishuVcTokenProviderConfigurations() {
	}

	/** The app id and secret, which every kind of app needs. */
	static void checkCredentials(FeishuVcProperties properties) {
		List<String> missing = new ArrayList<>();
		if (!StringUtils.hasText(properties.getAppId())) {
			missing.add(FeishuVcProperties.PREFIX + ".app-id");
		}
		if (!StringUtils.hasText(properties.getAppSecret())) {
			missing.add(FeishuVcProperties.PREFIX + ".app-secret");
		}
		if (!missing.isEmpty()) {
			String app = (properties.getAppType() == FeishuVcProperties.AppType.STORE) ? "store" : "self-built";
			throw new MissingFeishuVcCredentialsException(missing,
					"The Feishu VC client needs the credentials of a Feishu " + app + " app");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.SelfBuiltApp.class)
	static class SelfBuiltAppConfiguration {

		@Bean
		@ConditionalOnMissingBean(TenantAccessTokenProvider.class)
		CachingTenantAccessTokenProvider tenantAccessTokenProvider(FeishuVcProperties properties,
				FeishuVcExecutor executor, ObjectProvider<TokenStore> tokenStore) {
			checkCredentials(properties);
			return new CachingTenantAccessTokenProvider(executor, properties.getAppId(), properties.getAppSecret(),
					properties.getToken().getRefreshBeforeExpiry(), Clock.systemUTC(), tokenStore.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.StoreApp.class)
	@ConditionalOnClass(name = CAFFEINE)
	static class StoreAppConfiguration {

		@Bean
		@ConditionalOnMissingBean(TenantAccessTokenProvider.class)
		StoreAppTokenProvider tenantAccessTokenProvider(FeishuVcProperties properties,
				FeishuVcStoreAppProperties storeApp, FeishuVcEventsProperties events, FeishuVcExecutor executor,
				AppTicketStore appTicketStore, ObjectProvider<TokenStore> tokenStore) {
			checkCredentials(properties);
			StoreAppTokenProvider.Settings settings = new StoreAppTokenProvider.Settings(storeApp.getTicketWait(),
					eventUrlHint(events), properties.getToken().getRefreshBeforeExpiry(),
					storeApp.getMaxTenants(), storeApp.getTenantIdleTime());
			return new StoreAppTokenProvider(executor, properties.getAppId(), properties.getAppSecret(),
					appTicketStore, settings, Clock.systemUTC(), tokenStore.getIfAvailable());
		}

		private static String eventUrlHint(FeishuVcEventsProperties events) {
			Boolean enabled = events.getEnabled();
			return (enabled == null || enabled) ? "https://<this application's public host>" + events.getPath()
					: "the endpoint that receives your app's events (this application's own is switched off by "
							+ "feishu.vc.events.enabled=false)";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(FeishuVcConditions.StoreApp.class)
	@ConditionalOnMissingClass(CAFFEINE)
	static class StoreAppWithoutCaffeineConfiguration {

		@Bean
		@ConditionalOnMissingBean(TenantAccessTokenProvider.class)
		TenantAccessTokenProvider tenantAccessTokenProvider() {
			throw new FeishuVcConfigurationException(
					"A store app (feishu.vc.app-type=store) keeps the tokens of its tenants in a Caffeine cache, "
							+ "but Caffeine is not on the classpath.",
					"Add the dependency com.github.ben-manes.caffeine:caffeine (its version is managed by Spring "
							+ "Boot), or declare a TenantAccessTokenProvider bean of your own.");
		}

	}

}
