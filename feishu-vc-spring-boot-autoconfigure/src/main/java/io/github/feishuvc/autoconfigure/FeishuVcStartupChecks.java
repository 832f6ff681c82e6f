package io.github.feishuvc.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.feishuvc.auth.AppTicketStore;
import io.github.feishuvc.auth.InMemoryAppTicketStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.PlaceholderResolutionException;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.SystemPropertyUtils;

/**
 * Mistakes of configuration that would otherwise surface late, far from their cause, or never: each found at startup
 * and named, with what to do ({@link FeishuVcConfigurationException}, explained by the failure analyzer), or said at
 * WARN where the application still works without what is missing.
 */
final class FeishuVcStartupChecks {

	private FeishuVcStartupChecks() {
	}

	/**
	 * Runs, before any bean is made, the checks that need only the environment: a value that the binding would take
	 * wrongly, or a combination the platform cannot serve, is named before anything else can fail for it.
	 */
	static final class BeforeAnyBean implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

		private @Nullable Environment environment;

		@Override
		public void setEnvironment(Environment environment) {
			this.environment = environment;
		}

		@Override
		public int getOrder() {
			return HIGHEST_PRECEDENCE;
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			if (this.environment instanceof ConfigurableEnvironment environment) {
				UnresolvedPlaceholders.check(environment);
				// After the placeholders are known to resolve, which the values it reads may hold.
				StoreAppEventsMode.check(environment);
			}
		}

	}

	/**
	 * A {@code feishu.vc.*} value that still holds a {@code ${...}} nothing resolves: Spring Boot binds the
	 * placeholder's text as the value, so {@code app-id: ${FEISHU_VC_APP_ID}} with the variable unset would become an
	 * app id of {@code ${FEISHU_VC_APP_ID}}, and an encrypt key made of its text would refuse every push. Checked
	 * before any bean is made, by resolving each value as the binding will; only the placeholders' names are shown,
	 * never a value.
	 */
	static final class UnresolvedPlaceholders {

		private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of(FeishuVcProperties.PREFIX);

		/** Placeholders as Spring Boot's binding resolves them, but failing on one that nothing resolves. */
		private static final PropertyPlaceholderHelper BOOTS_PLACEHOLDERS = new PropertyPlaceholderHelper(
				SystemPropertyUtils.PLACEHOLDER_PREFIX, SystemPropertyUtils.PLACEHOLDER_SUFFIX,
				SystemPropertyUtils.VALUE_SEPARATOR, SystemPropertyUtils.ESCAPE_CHARACTER, false);

		private UnresolvedPlaceholders() {
		}

		/**
		 * Fails if a {@code feishu.vc.*} value holds a placeholder that nothing resolves.
		 * @param environment the application's environment
		 * @throws FeishuVcConfigurationException naming each such property and its placeholders
		 */
		static void check(ConfigurableEnvironment environment) {
			Map<String, List<String>> unresolved = new TreeMap<>();
			Set<ConfigurationPropertyName> seen = new HashSet<>();
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
				if (!(source instanceof IterableConfigurationPropertySource iterable)) {
					continue;
				}
				iterable.filter(PREFIX::isAncestorOf).stream().filter(seen::add).forEach((name) -> {
					ConfigurationProperty property = source.getConfigurationProperty(name);
					if (property != null && property.getValue() instanceof CharSequence value) {
						List<String> names = unresolvedNames(environment, value.toString());
						if (!names.isEmpty()) {
							unresolved.put(name.toString(), names);
						}
					}
				});
			}
			if (!unresolved.isEmpty()) {
				throw exception(unresolved);
			}
		}

		/**
		 * The placeholders of a value that nothing resolves, as Spring Boot's binding reads them (nested defaults such
		 * as {@code ${A:${B}}}, escaped {@code \${...}} left alone), each name asked of the environment: a name found
		 * missing is taken for resolved, so that the next one shows. Names only, never a value.
		 */
		private static List<String> unresolvedNames(Environment environment, String value) {
			Set<String> missing = new LinkedHashSet<>();
			while (true) {
				try {
					BOOTS_PLACEHOLDERS.replacePlaceholders(value,
							(name) -> missing.contains(name) ? "" : environment.getProperty(name));
					return List.copyOf(missing);
				}
				catch (PlaceholderResolutionException ex) {
					if (!missing.add(ex.getPlaceholder())) {
						return List.copyOf(missing);
					}
				}
			}
		}

		private static FeishuVcConfigurationException exception(Map<String, List<String>> unresolved) {
			List<String> properties = new ArrayList<>();
			Set<String> placeholders = new LinkedHashSet<>();
			unresolved.forEach((property, names) -> {
				properties.add(property + " refers to " + String.join(", ", names.stream().map((n) -> "${" + n + "}")
					.toList()));
				placeholders.addAll(names);
			});
			String first = placeholders.iterator().next();
			return new FeishuVcConfigurationException(String.join("; ", properties) + ", but nothing defines "
					+ String.join(" or ", placeholders) + ": Spring Boot would bind the placeholder's text as the value.",
					"Set the environment variable" + ((placeholders.size() > 1) ? "s " : " ")
							+ String.join(" and ", placeholders)
							+ " (or a property of that name) before starting the application, or give the placeholder a "
							+ "default, such as ${" + first + ":}, where the value may be left empty.");
		}

	}

	/**
	 * A store app cannot take its events over the long connection: the platform sends them, its app ticket among them,
	 * to its event URL only. Checked before any bean is made, as the properties' binding did when one class held both,
	 * so that an application that defines its own long connection, or lacks protobuf, hears this first.
	 */
	static final class StoreAppEventsMode {

		private StoreAppEventsMode() {
		}

		/**
		 * Fails for a store app whose events are to come over the long connection.
		 * @param environment the application's environment
		 * @throws FeishuVcConfigurationException saying what to set instead
		 */
		static void check(Environment environment) {
			Binder binder = Binder.get(environment);
			FeishuVcProperties.AppType appType = binder
				.bind(FeishuVcProperties.PREFIX + ".app-type", FeishuVcProperties.AppType.class)
				.orElse(FeishuVcProperties.AppType.SELF_BUILT);
			FeishuVcProperties.EventsMode mode = binder
				.bind(FeishuVcEventsProperties.PREFIX + ".mode", FeishuVcProperties.EventsMode.class)
				.orElse(FeishuVcProperties.EventsMode.WEBHOOK);
			if (appType == FeishuVcProperties.AppType.STORE && mode == FeishuVcProperties.EventsMode.LONG_CONNECTION) {
				throw new FeishuVcConfigurationException(FeishuVcEventsProperties.PREFIX
						+ ".mode=long-connection is for self-built apps: the platform sends a store app's events, its "
						+ "app ticket among them, to its event URL only (" + FeishuVcEventsProperties.PREFIX
						+ ".mode=webhook)",
						"Remove " + FeishuVcEventsProperties.PREFIX + ".mode (webhook is the default) and point the "
								+ "app's request URL in the console at the event endpoint ("
								+ FeishuVcEventsProperties.PREFIX + ".path).");
			}
		}

	}

	/**
	 * An application without a web server cannot serve the event endpoint: a store app, whose app ticket arrives
	 * there, would wait for it on every call and fail; a self-built app asking for events would receive none.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnNotWebApplication
	static class WithoutWebServer {

		private static final Log logger = LogFactory.getLog(FeishuVcStartupChecks.class);

		private static final String ADD_A_WEB_SERVER = "add spring-boot-starter-webmvc or spring-boot-starter-webflux "
				+ "so that the endpoint is served";

		WithoutWebServer(FeishuVcProperties properties, FeishuVcEventsProperties events,
				ObjectProvider<AppTicketStore> appTicketStore) {
			if (events.getMode() == FeishuVcProperties.EventsMode.LONG_CONNECTION) {
				return;
			}
			if (properties.getAppType() == FeishuVcProperties.AppType.STORE
					&& !Boolean.FALSE.equals(events.getEnabled())
					&& appTicketStore.getIfAvailable() instanceof InMemoryAppTicketStore) {
				throw new FeishuVcConfigurationException("A store app receives its app ticket at its event endpoint ("
						+ events.getPath() + "), but this application has no web server to serve it: no ticket can "
						+ "arrive, and every call would fail after " + FeishuVcProperties.PREFIX
						+ ".store-app.ticket-wait.",
						"Either " + ADD_A_WEB_SERVER + "; or share state on Redis with the instances that serve it ("
								+ FeishuVcProperties.PREFIX + ".shared-state.type=redis); or set "
								+ FeishuVcProperties.PREFIX + ".events.enabled=false and save the tickets to the "
								+ "AppTicketStore yourself.");
			}
			if (Boolean.TRUE.equals(events.getEnabled())) {
				logger.warn(FeishuVcProperties.PREFIX + ".events.enabled=true, but this application has no web server: "
						+ "no event endpoint is served and no event will arrive. To receive events, " + ADD_A_WEB_SERVER
						+ ", or receive them over the long connection (" + FeishuVcProperties.PREFIX
						+ ".events.mode=long-connection, self-built apps).");
			}
		}

	}

}
