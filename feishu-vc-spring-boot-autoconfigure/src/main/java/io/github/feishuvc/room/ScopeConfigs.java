package io.github.feishuvc.room;

import java.util.List;

import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A scope's configuration as it applies, and as each scope from it up to the tenant set it.
 *
 * @param currentConfig what applies: each value from the nearest scope, this one first, that sets it
 * @param originConfigs what each scope sets, this one first, then the levels above it
 */
public record ScopeConfigs(@Nullable ScopeConfig currentConfig, List<ScopeConfig> originConfigs) {

	/**
	 * Create the configurations, the list immutable and without nulls.
	 * @param currentConfig what applies: each value from the nearest scope, this one first, that sets it
	 * @param originConfigs what each scope sets, this one first, then the levels above it
	 */
	public ScopeConfigs {
		originConfigs = Lists.immutable(originConfigs);
	}

}
