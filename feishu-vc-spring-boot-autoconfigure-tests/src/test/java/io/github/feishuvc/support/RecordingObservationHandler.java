package io.github.feishuvc.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/** Keeps the context of every stopped observation, to look at names, tags and parents. */
public final class RecordingObservationHandler implements ObservationHandler<Observation.Context> {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	public List<Observation.Context> named(String name) {
		return this.stopped.stream().filter((context) -> context.getName().equals(name)).toList();
	}

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

}
