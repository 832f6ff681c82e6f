package io.github.feishuvc.reserve;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A reservation as applied for or updated, with what the platform corrected on the way.
 *
 * @param reserve the reservation
 * @param correctionCheckInfo what the platform corrected, if it says
 */
public record ReserveResult(Reserve reserve, @Nullable ReserveCorrectionCheckInfo correctionCheckInfo) {

	/**
	 * Ids of assigned hosts the platform found invalid and dropped.
	 * @return the ids; empty when all hosts were accepted
	 */
	public List<String> invalidHostIds() {
		return (this.correctionCheckInfo != null) ? this.correctionCheckInfo.invalidHostIdList() : List.of();
	}

}
