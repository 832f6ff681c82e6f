package io.github.feishuvc.report;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.DisplayTimes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One participant of a meeting in the tenant's meeting data ({@code participant} of {@code GET /participant_list}):
 * who, on what device and network, and when. Times and durations are read from the platform's display strings; one
 * in another shape reads as {@code null}.
 *
 * @param name the participant's name
 * @param department their department
 * @param userId their id, of the calls' user id type
 * @param meetingRoomId the room's id, for a room that took part
 * @param employeeId their employee number
 * @param phone their phone number
 * @param email their email
 * @param device their device, such as {@code windows}
 * @param appVersion the client's version
 * @param publicIp their public IP address
 * @param internalIp their internal IP address
 * @param rtcProxy whether they went through a proxy service
 * @param location where they were
 * @param networkType their network, such as {@code wifi}
 * @param protocol the media's transport, such as {@code udp}
 * @param microphone their microphone
 * @param speaker their speaker
 * @param camera their camera
 * @param audio whether they used a microphone or speaker
 * @param video whether they used a camera
 * @param sharing whether they shared
 * @param joinTime when they first joined; {@code ParticipantQualityQuery} takes it
 * @param leaveTime when they last left
 * @param timeInMeeting how long they were in the meeting, in all
 * @param leaveReason why they left, as the platform words it
 * @param acceptStatusCode the raw {@code accept_status}; see {@link #acceptStatus()}
 * @param external whether they are external
 * @param webinarUserRole their role in a webinar: {@code 0} guest, {@code 3} audience
 */
public record ParticipantRecord(@JsonProperty("participant_name") @Nullable String name,
		@Nullable String department, @Nullable String userId, @Nullable String meetingRoomId,
		@Nullable String employeeId, @Nullable String phone, @Nullable String email, @Nullable String device,
		@Nullable String appVersion, @Nullable String publicIp, @Nullable String internalIp,
		@JsonProperty("use_rtc_proxy") boolean rtcProxy, @Nullable String location, @Nullable String networkType,
		@Nullable String protocol, @Nullable String microphone, @Nullable String speaker, @Nullable String camera,
		boolean audio, boolean video, boolean sharing,
		@JsonDeserialize(using = DisplayTimes.TimeDeserializer.class)
		@JsonSerialize(using = DisplayTimes.TimeSerializer.class) @Nullable OffsetDateTime joinTime,
		@JsonDeserialize(using = DisplayTimes.TimeDeserializer.class)
		@JsonSerialize(using = DisplayTimes.TimeSerializer.class) @Nullable OffsetDateTime leaveTime,
		@JsonDeserialize(using = DisplayTimes.DurationDeserializer.class)
		@JsonSerialize(using = DisplayTimes.DurationSerializer.class) @Nullable Duration timeInMeeting,
		@Nullable String leaveReason, @Nullable Integer acceptStatusCode,
		@JsonProperty("is_external") boolean external, @Nullable String webinarUserRole) {

	/**
	 * How they answered the calendar invitation.
	 * @return the answer, {@link AcceptStatus#UNKNOWN} for a code this version does not know
	 */
	public @Nullable AcceptStatus acceptStatus() {
		return AcceptStatus.fromCode(this.acceptStatusCode);
	}

}
