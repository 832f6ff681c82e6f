package io.github.feishuvc.events.webhook;

import java.time.Duration;

import io.github.feishuvc.internal.logging.LogThrottle;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What becomes of a refused request besides its answer: the listener (the refusal counter), a DEBUG line, and a WARN
 * at most once a minute, so that a scanner hammering the endpoint cannot flood the logs.
 */
final class RefusalLog {

	private static final Log logger = LogFactory.getLog(FeishuEventReceiver.class);

	private final RefusalListener listener;

	private final LogThrottle warnings = new LogThrottle(Duration.ofMinutes(1));

	RefusalLog(RefusalListener listener) {
		this.listener = listener;
	}

	void refused(RefusalReason reason) {
		this.listener.refused(reason);
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a request to the Feishu event endpoint: " + reason.tag());
		}
		long heldBack = this.warnings.tryLog();
		if (heldBack >= 0 && logger.isWarnEnabled()) {
			logger.warn("Refused a request to the Feishu event endpoint (" + reason.tag() + ")"
					+ ((heldBack > 0) ? " and " + heldBack + " more since the last such line" : "")
					+ ". Refusals are logged at this level at most once a minute, each at DEBUG, and counted by "
					+ "feishu.vc.events.refused");
		}
	}

}
