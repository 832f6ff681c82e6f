package io.github.feishuvc.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Store app settings ({@code feishu.vc.store-app.*}).
 */
@ConfigurationProperties(FeishuVcStoreAppProperties.PREFIX)
public final class FeishuVcStoreAppProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "feishu.vc.store-app";

	/**
	 * How long a call waits for the app ticket to arrive after the client asked the platform to resend it.
	 */
	private final Duration ticketWait;

	/**
	 * Most tenants whose tokens are cached at once; the least recently used are dropped beyond it.
	 */
	private final long maxTenants;

	/**
	 * How long a tenant's token stays cached without being used.
	 */
	private final Duration tenantIdleTime;

	/**
	 * Bind the properties; a default applies to each one that is not set.
	 * @param ticketWait how long a call waits for the app ticket to arrive after the client asked the platform to
	 * resend it.
	 * @param maxTenants most tenants whose tokens are cached at once; the least recently used are dropped beyond
	 * it.
	 * @param tenantIdleTime how long a tenant's token stays cached without being used.
	 */
	public FeishuVcStoreAppProperties(@DefaultValue("10s") Duration ticketWait, @DefaultValue("10000") long maxTenants,
			@DefaultValue("2h") Duration tenantIdleTime) {
		FeishuVcProperties.notNegative(ticketWait, "store-app.ticket-wait");
		Assert.isTrue(maxTenants > 0, "feishu.vc.store-app.max-tenants must be positive");
		FeishuVcProperties.positive(tenantIdleTime, "store-app.tenant-idle-time");
		this.ticketWait = ticketWait;
		this.maxTenants = maxTenants;
		this.tenantIdleTime = tenantIdleTime;
	}

	/**
	 * {@return how long a call waits for the app ticket to arrive after the client asked the platform to resend it}
	 */
	public Duration getTicketWait() {
		return this.ticketWait;
	}

	/**
	 * {@return most tenants whose tokens are cached at once; the least recently used are dropped beyond it}
	 */
	public long getMaxTenants() {
		return this.maxTenants;
	}

	/**
	 * {@return how long a tenant's token stays cached without being used}
	 */
	public Duration getTenantIdleTime() {
		return this.tenantIdleTime;
	}

	@Override
	public String toString() {
		return "FeishuVcStoreAppProperties[ticketWait=" + this.ticketWait + ", maxTenants=" + this.maxTenants
				+ ", tenantIdleTime="
				+ this.tenantIdleTime + "]";
	}

}
