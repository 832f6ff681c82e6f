package io.github.feishuvc.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counting events in sliding windows, to check rate limits. */
public final class Windows {

	private Windows() {
	}

	/** The most events (times in nanoseconds) that fall into any window of the given length. */
	public static int maxInAnyWindow(List<Long> times, long window) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		int max = 0;
		int start = 0;
		for (int end = 0; end < sorted.size(); end++) {
			while (sorted.get(end) - sorted.get(start) >= window) {
				start++;
			}
			max = Math.max(max, end - start + 1);
		}
		return max;
	}

}
