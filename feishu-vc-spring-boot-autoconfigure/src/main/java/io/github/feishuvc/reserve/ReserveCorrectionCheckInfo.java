package io.github.feishuvc.reserve;

import io.github.feishuvc.internal.Lists;
import java.util.List;

/**
 * What the platform corrected when it accepted a reservation ({@code reserve_correction_check_info}).
 *
 * @param invalidHostIdList ids of assigned hosts that were not valid and were dropped; never {@code null}
 */
public record ReserveCorrectionCheckInfo(List<String> invalidHostIdList) {

	/**
	 * Copies the lists, so that the information stays immutable.
	 * @param invalidHostIdList ids of assigned hosts that were not valid and were dropped; never {@code null}
	 */
	public ReserveCorrectionCheckInfo {
		invalidHostIdList = Lists.immutable(invalidHostIdList);
	}

}
