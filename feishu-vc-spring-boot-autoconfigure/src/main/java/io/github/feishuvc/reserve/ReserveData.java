package io.github.feishuvc.reserve;

import org.jspecify.annotations.Nullable;

/** The {@code data} of responses that carry one reservation (get, apply, update). */
record ReserveData(@Nullable Reserve reserve, @Nullable ReserveCorrectionCheckInfo reserveCorrectionCheckInfo) {

	/** The reservation, if the platform sent one with an id. */
	@Nullable Reserve identifiedReserve() {
		return (this.reserve != null && this.reserve.id() != null) ? this.reserve : null;
	}

	/** The reservation with its corrections, if the platform sent one with an id. */
	@Nullable ReserveResult result() {
		Reserve reserve = identifiedReserve();
		return (reserve != null) ? new ReserveResult(reserve, this.reserveCorrectionCheckInfo) : null;
	}

}
