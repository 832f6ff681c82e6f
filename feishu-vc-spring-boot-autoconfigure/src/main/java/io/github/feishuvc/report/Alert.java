package io.github.feishuvc.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * One alert of the tenant's room devices ({@code alert} of {@code GET /alerts}). Two of its keys are camel case on
 * the wire ({@code notifyMethods}, {@code alertRule}), unlike the rest.
 *
 * @param alertId the alert's id
 * @param resourceScope the name of the room or server that raised it
 * @param monitorTargetCode the raw {@code monitor_target}; see {@link #monitorTarget()}
 * @param alertStrategy the rule's condition, as words
 * @param alertTime when it was raised
 * @param alertLevelCode the raw {@code alert_level}; see {@link #alertLevel()}
 * @param contacts whom it was sent to
 * @param notifyMethodCodes the raw {@code notifyMethods}; see {@link #notifyMethods()}
 * @param alertRule the rule's name
 * @param processTime when it was handled
 * @param recoverTime when it recovered
 * @param processStatusCode the raw {@code process_status}; see {@link #processStatus()}
 * @param alertRuleId the rule's id
 * @param monitorTargetRoomId the room's id, when a room raised it
 * @param monitorTargetRoomMac the room's host MAC address, when a room raised it
 */
public record Alert(@Nullable String alertId, @Nullable String resourceScope, @Nullable Integer monitorTargetCode,
		@Nullable String alertStrategy, @Nullable Instant alertTime, @Nullable Integer alertLevelCode,
		List<Contact> contacts, @JsonProperty("notifyMethods") List<Integer> notifyMethodCodes,
		@JsonProperty("alertRule") @Nullable String alertRule, @Nullable Instant processTime,
		@Nullable Instant recoverTime, @Nullable Integer processStatusCode, @Nullable String alertRuleId,
		@Nullable String monitorTargetRoomId, @Nullable String monitorTargetRoomMac) {

	/**
	 * Create an alert; the lists are copied.
	 * @param alertId the alert's id
	 * @param resourceScope the name of the room or server that raised it
	 * @param monitorTargetCode the raw {@code monitor_target}; see {@link #monitorTarget()}
	 * @param alertStrategy the rule's condition, as words
	 * @param alertTime when it was raised
	 * @param alertLevelCode the raw {@code alert_level}; see {@link #alertLevel()}
	 * @param contacts whom it was sent to
	 * @param notifyMethodCodes the raw {@code notifyMethods}; see {@link #notifyMethods()}
	 * @param alertRule the rule's name
	 * @param processTime when it was handled
	 * @param recoverTime when it recovered
	 * @param processStatusCode the raw {@code process_status}; see {@link #processStatus()}
	 * @param alertRuleId the rule's id
	 * @param monitorTargetRoomId the room's id, when a room raised it
	 * @param monitorTargetRoomMac the room's host MAC address, when a room raised it
	 */
	public Alert {
		contacts = Lists.immutable(contacts);
		notifyMethodCodes = Lists.immutable(notifyMethodCodes);
	}

	/**
	 * The device that raised it.
	 * @return the device, {@link AlertMonitorTarget#UNKNOWN} for a code this version does not know
	 */
	public @Nullable AlertMonitorTarget monitorTarget() {
		return AlertMonitorTarget.fromCode(this.monitorTargetCode);
	}

	/**
	 * How serious it is.
	 * @return the level, {@link AlertLevel#UNKNOWN} for a code this version does not know
	 */
	public @Nullable AlertLevel alertLevel() {
		return AlertLevel.fromCode(this.alertLevelCode);
	}

	/**
	 * How it was sent.
	 * @return the methods, {@link AlertNotifyMethod#UNKNOWN} for a code this version does not know
	 */
	public List<AlertNotifyMethod> notifyMethods() {
		return this.notifyMethodCodes.stream().map(AlertNotifyMethod::fromCode).toList();
	}

	/**
	 * Where its handling stands.
	 * @return the state, {@link AlertProcessStatus#UNKNOWN} for a code this version does not know
	 */
	public @Nullable AlertProcessStatus processStatus() {
		return AlertProcessStatus.fromCode(this.processStatusCode);
	}

	/**
	 * Whom an alert was sent to.
	 *
	 * @param contactTypeCode the raw {@code contact_type}; see {@link #contactType()}
	 * @param contactName the contact's name
	 */
	public record Contact(@Nullable Integer contactTypeCode, @Nullable String contactName) {

		/**
		 * Who the contact is.
		 * @return the kind, {@link AlertContactType#UNKNOWN} for a code this version does not know
		 */
		public @Nullable AlertContactType contactType() {
			return AlertContactType.fromCode(this.contactTypeCode);
		}

	}

}
