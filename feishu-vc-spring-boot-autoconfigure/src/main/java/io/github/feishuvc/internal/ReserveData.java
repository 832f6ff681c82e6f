package io.github.feishuvc.internal;

import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveCorrectionCheckInfo;
import io.github.feishuvc.reserve.ReserveResult;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of the answers that make or change a reservation (apply, update).
 *
 * @param reserve the reservation
 * @param reserveCorrectionCheckInfo what the platform corrected in it
 */
public record ReserveData(@Nullable Reserve reserve, @Nullable ReserveCorrectionCheckInfo reserveCorrectionCheckInfo) {

	/**
	 * The reservation with its corrections, if the platform sent one with an id.
	 * @return the result, or {@code null}
	 */
	public @Nullable ReserveResult result() {
		Reserve reserve = this.reserve;
		return (reserve != null && reserve.id() != null) ? new ReserveResult(reserve, this.reserveCorrectionCheckInfo)
				: null;
	}

}
