package io.github.feishuvc.room.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.room.ApprovalCondition;
import org.jspecify.annotations.Nullable;

/**
 * Whether bookings need approval, as its event shows it ({@code approval_config_event}): a
 * {@link io.github.feishuvc.room.ApprovalConfig} whose approvers carry every kind of user id.
 *
 * @param approvalSwitch whether approval is on
 * @param approvalConditionCode the raw {@code approval_condition} code; see {@link #approvalCondition()}
 * @param meetingDuration the hours beyond which a booking needs approval
 * @param approvers who approves
 */
public record EventApprovalConfig(@JsonFormat(shape = JsonFormat.Shape.NUMBER) @Nullable Boolean approvalSwitch,
		@Nullable Integer approvalConditionCode, @Nullable Double meetingDuration, List<EventSubscribeUser> approvers) {

	/**
	 * Create the configuration, the approvers immutable and without nulls.
	 * @param approvalSwitch whether approval is on
	 * @param approvalConditionCode the raw {@code approval_condition} code; see {@link #approvalCondition()}
	 * @param meetingDuration the hours beyond which a booking needs approval
	 * @param approvers who approves
	 */
	public EventApprovalConfig {
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
