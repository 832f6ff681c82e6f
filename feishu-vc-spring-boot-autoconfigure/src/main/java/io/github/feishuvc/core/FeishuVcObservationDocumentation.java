package io.github.feishuvc.core;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of Feishu calls: its name, tags and events. Tags never carry an id, a token or a secret.
 */
public enum FeishuVcObservationDocumentation implements ObservationDocumentation {

	/** One Feishu call, from its first attempt to its end, retries and waits included. */
	CLIENT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultFeishuVcObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return Events.values();
		}

	};

	/** Tags of few values. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The operation, such as {@code reserve.get} or {@code auth.tenant_access_token}. */
		OPERATION {
			@Override
			public String asString() {
				return "feishu.vc.operation";
			}
		},

		/** How the call ended: {@code SUCCESS}, {@code PLATFORM_ERROR}, {@code INVALID_RESPONSE}, ... */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The platform's code: {@code 0} on success, the error code, or {@code none} without an answer. */
		CODE {
			@Override
			public String asString() {
				return "feishu.vc.code";
			}
		},

		/** Simple class name of the failure, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/** Tags of many values. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** How many attempts the call made. */
		ATTEMPTS {
			@Override
			public String asString() {
				return "feishu.vc.attempts";
			}
		}

	}

	/** What happens during a call; a meter handler counts each as {@code feishu.vc.client.<event>}. */
	public enum Events implements Observation.Event {

		/** A failed attempt is retried after a wait. */
		RETRY {
			@Override
			public String getName() {
				return "retry";
			}
		},

		/** A rejected token was replaced and the call sent again. */
		TOKEN_RENEWAL {
			@Override
			public String getName() {
				return "token-renewal";
			}
		},

		/** The client-side rate limiter delayed an attempt. */
		RATE_LIMIT_WAIT {
			@Override
			public String getName() {
				return "rate-limit-wait";
			}
		}

	}

}
