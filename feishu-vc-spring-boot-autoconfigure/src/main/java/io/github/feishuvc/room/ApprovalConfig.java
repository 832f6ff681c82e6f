package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Whether bookings need approval, and whose ({@code approval_config}; the platform answers it as
 * {@code approve_config}).
 *
 * @param approvalSwitch whether approval is on (0 or 1 on the wire); with it on, a condition and an approver are
 * required
 * @param approvalConditionCode the raw {@code approval_condition} code; see {@link #approvalCondition()}
 * @param meetingDuration the hours, 0.1 to 99, beyond which a booking needs approval
 * @param approvers who approves, at least one when approval is on
 */
public record ApprovalConfig(@JsonFormat(shape = JsonFormat.Shape.NUMBER) @Nullable Boolean approvalSwitch,
		@Nullable Integer approvalConditionCode, @Nullable Double meetingDuration,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeUser> approvers) {

	/**
	 * Create the configuration, the approvers immutable and without nulls.
	 * @param approvalSwitch whether approval is on (0 or 1 on the wire); with it on, a condition and an approver are
	 * required
	 * @param approvalConditionCode the raw {@code approval_condition} code; see {@link #approvalCondition()}
	 * @param meetingDuration the hours, 0.1 to 99, beyond which a booking needs approval
	 * @param approvers who approves, at least one when approval is on
	 */
	public ApprovalConfig {
		approvers = Lists.immutable(approvers);
	}

	/**
	 * Which bookings need approval.
	 * @return the condition, {@link ApprovalCondition#UNKNOWN} for a code this version does not know, {@code null}
	 * if absent
	 */
	public @Nullable ApprovalCondition approvalCondition() {
		return ApprovalCondition.fromCode(this.approvalConditionCode);
	}

}
