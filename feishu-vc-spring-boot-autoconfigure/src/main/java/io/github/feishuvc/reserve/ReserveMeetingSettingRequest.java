package io.github.feishuvc.reserve;

import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.core.CodedEnum;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Meeting settings to send when applying for or updating a reservation ({@code meeting_settings}). Every field is
 * optional: a {@code null} field is not sent, which on update leaves it unchanged; an empty list is sent and clears
 * it. Build one with {@link #builder()}.
 *
 * @param topic the meeting's topic
 * @param actionPermissions who may become host, invite or join; entries for the same permission are OR-ed
 * @param meetingInitialTypeCode the raw {@code meeting_initial_type} code; see {@link #meetingInitialType()}
 * @param meetingConnect whether the meeting supports interconnection (set on apply only; in beta on the platform)
 * @param callSetting the callee of a one-to-one call
 * @param autoRecord whether Feishu VC records the meeting automatically (not for one-to-one calls)
 * @param assignHostList users assigned as hosts, at most 10
 * @param password the meeting password: 4 to 9 digits, or empty for none; {@code null} lets the owner's personal
 * settings decide
 */
public record ReserveMeetingSettingRequest(@Nullable String topic,
		@Nullable List<ReserveActionPermission> actionPermissions, @Nullable Integer meetingInitialTypeCode,
		@Nullable Boolean meetingConnect, @Nullable ReserveCallSetting callSetting, @Nullable Boolean autoRecord,
		@Nullable List<ReserveAssignHost> assignHostList, @Nullable String password) {

	/** Maximum number of assigned hosts the platform accepts. */
	public static final int MAX_ASSIGNED_HOSTS = 10;

	/**
	 * Copies the lists, so that the settings stay immutable.
	 * @param topic the meeting's topic
	 * @param actionPermissions who may become host, invite or join; entries for the same permission are OR-ed
	 * @param meetingInitialTypeCode the raw {@code meeting_initial_type} code; see {@link #meetingInitialType()}
	 * @param meetingConnect whether the meeting supports interconnection (set on apply only; in beta on the platform)
	 * @param callSetting the callee of a one-to-one call
	 * @param autoRecord whether Feishu VC records the meeting automatically (not for one-to-one calls)
	 * @param assignHostList users assigned as hosts, at most 10
	 * @param password the meeting password: 4 to 9 digits, or empty for none; {@code null} lets the owner's personal
	 * settings decide
	 */
	public ReserveMeetingSettingRequest {
		actionPermissions = Lists.optional(actionPermissions, "actionPermissions");
		assignHostList = Lists.optional(assignHostList, "assignHostList");
	}

	/**
	 * A builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The kind of meeting the reservation starts.
	 * @return the type, {@link MeetingInitialType#UNKNOWN} for a code this version does not know, {@code null} if
	 * not set
	 */
	public @Nullable MeetingInitialType meetingInitialType() {
		return MeetingInitialType.fromCode(this.meetingInitialTypeCode);
	}

	/** Shows every field but the meeting password. */
	@Override
	public String toString() {
		return "ReserveMeetingSettingRequest[topic=" + this.topic + ", actionPermissions=" + this.actionPermissions
				+ ", meetingInitialTypeCode=" + this.meetingInitialTypeCode + ", meetingConnect=" + this.meetingConnect
				+ ", callSetting=" + this.callSetting + ", autoRecord=" + this.autoRecord + ", assignHostList="
				+ this.assignHostList + ", password=" + ((this.password != null) ? "[masked]" : null) + "]";
	}

	/**
	 * Builds {@link ReserveMeetingSettingRequest}s; fields left alone are not sent.
	 */
	public static final class Builder {

		private @Nullable String topic;

		private @Nullable List<ReserveActionPermission> actionPermissions;

		private @Nullable Integer meetingInitialTypeCode;

		private @Nullable Boolean meetingConnect;

		private @Nullable ReserveCallSetting callSetting;

		private @Nullable Boolean autoRecord;

		private @Nullable List<ReserveAssignHost> assignHostList;

		private @Nullable String password;

		private Builder() {
		}

		/**
		 * The meeting's topic.
		 * @param topic the topic
		 * @return this builder
		 */
		public Builder topic(String topic) {
			this.topic = topic;
			return this;
		}

		/**
		 * Replace the action permissions; an empty list clears them on update.
		 * @param actionPermissions the action permissions
		 * @return this builder
		 */
		public Builder actionPermissions(List<ReserveActionPermission> actionPermissions) {
			this.actionPermissions = Lists.required(actionPermissions, "actionPermissions");
			return this;
		}

		/**
		 * Add action permissions.
		 * @param actionPermissions the action permissions to add
		 * @return this builder
		 */
		public Builder actionPermission(ReserveActionPermission... actionPermissions) {
			this.actionPermissions = appended(this.actionPermissions, actionPermissions, "actionPermissions");
			return this;
		}

		/**
		 * The kind of meeting the reservation starts.
		 * @param meetingInitialType the type
		 * @return this builder
		 */
		public Builder meetingInitialType(MeetingInitialType meetingInitialType) {
			this.meetingInitialTypeCode = CodedEnum.codeToSend(meetingInitialType, "meetingInitialType");
			return this;
		}

		/**
		 * Whether the meeting supports interconnection; can be set on apply only.
		 * @param meetingConnect whether it does
		 * @return this builder
		 */
		public Builder meetingConnect(boolean meetingConnect) {
			this.meetingConnect = meetingConnect;
			return this;
		}

		/**
		 * Make the reservation a one-to-one call to a callee, such as {@link ReserveCallee#pstn}.
		 * @param callee the callee
		 * @return this builder
		 */
		public Builder callee(ReserveCallee callee) {
			this.callSetting = new ReserveCallSetting(callee);
			this.meetingInitialTypeCode = MeetingInitialType.ONE_ON_ONE_CALL.code();
			return this;
		}

		/**
		 * Whether Feishu VC records the meeting automatically.
		 * @param autoRecord whether it does
		 * @return this builder
		 */
		public Builder autoRecord(boolean autoRecord) {
			this.autoRecord = autoRecord;
			return this;
		}

		/**
		 * Replace the assigned hosts; an empty list clears them on update.
		 * @param assignHostList the hosts
		 * @return this builder
		 */
		public Builder assignHostList(List<ReserveAssignHost> assignHostList) {
			this.assignHostList = Lists.required(assignHostList, "assignHostList");
			return this;
		}

		/**
		 * Add Feishu users of the same tenant as hosts.
		 * @param userIds the users' ids, of the call's user id type
		 * @return this builder
		 */
		public Builder assignHosts(String... userIds) {
			List<ReserveAssignHost> hosts = new ArrayList<>(userIds.length);
			for (String userId : userIds) {
				hosts.add(ReserveAssignHost.larkUser(userId));
			}
			this.assignHostList = appended(this.assignHostList, hosts.toArray(ReserveAssignHost[]::new),
					"assignHostList");
			return this;
		}

		/**
		 * The meeting password: 4 to 9 digits, or empty for none.
		 * @param password the password
		 * @return this builder
		 */
		public Builder password(String password) {
			this.password = password;
			return this;
		}

		/**
		 * Build the settings.
		 * @return the settings
		 */
		public ReserveMeetingSettingRequest build() {
			return new ReserveMeetingSettingRequest(this.topic, this.actionPermissions, this.meetingInitialTypeCode,
					this.meetingConnect, this.callSetting, this.autoRecord, this.assignHostList, this.password);
		}

		private static <T> List<T> appended(@Nullable List<T> current, T[] added, String name) {
			List<T> all = new ArrayList<>((current != null) ? current : List.of());
			all.addAll(Lists.required(List.of(added), name));
			return all;
		}

	}

}
