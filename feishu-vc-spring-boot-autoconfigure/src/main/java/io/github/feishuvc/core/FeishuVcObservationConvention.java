package io.github.feishuvc.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a Feishu call; declare a bean of this type to change them.
 *
 * @see DefaultFeishuVcObservationConvention
 */
public interface FeishuVcObservationConvention extends ObservationConvention<FeishuVcObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof FeishuVcObservationContext;
	}

}
