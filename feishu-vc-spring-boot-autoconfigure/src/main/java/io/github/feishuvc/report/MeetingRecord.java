package io.github.feishuvc.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.DisplayTimes;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One meeting of the tenant's meeting data ({@code meeting_info} of {@code GET /meeting_list}), whoever held it. The
 * platform writes this list for people: its times carry the tenant's offset, its durations are {@code 01:00:00};
 * both are read into types here, and a value in another shape reads as {@code null}.
 *
 * @param meetingNo the 9-digit meeting number (the platform names it {@code meeting_id} here)
 * @param topic the meeting's topic
 * @param meetingTypeCode the raw {@code meeting_type}; see {@link #meetingType()}
 * @param organizer who organised it: the calendar event's organiser, the caller of an instant meeting, the
 * interviewer, or the app's user who reserved it
 * @param department the organiser's department
 * @param userId the organiser's id, of the calls' user id type
 * @param employeeId the organiser's employee number
 * @param email the organiser's email
 * @param mobile the organiser's phone number
 * @param startTime when it started
 * @param endTime when it ended, {@code null} while it is in progress
 * @param duration how long it lasted
 * @param participantCount how many took part
 * @param deviceCount how many devices joined, in all
 * @param audio whether anyone used a microphone or speaker
 * @param video whether anyone used a camera
 * @param sharing whether anyone shared a screen or a document
 * @param recording whether it was recorded
 * @param telephone whether anyone dialled in by phone
 * @param reservedRooms the rooms booked for it (upcoming meetings only)
 * @param hasRelatedDocument whether it has documents or notes
 * @param aiNote whether it used AI notes
 * @param external whether it was an external meeting
 * @param meetingSubtype the platform's {@code meeting_subtype}: 0 any, 1 casting, 2 wired casting, 3 magic share,
 * 4 chat room, 5 reading meeting, 6 enterprise phone, 7 IP phone, 8 webinar, 9 offline meeting, 10 minutes meeting
 * @param meetingId the meeting's id, which {@code MeetingOperations.get} takes ({@code meeting_instance_id})
 * @param webinarViewerCount how many watched, for a webinar
 */
public record MeetingRecord(@JsonProperty("meeting_id") @Nullable String meetingNo,
		@JsonProperty("meeting_topic") @Nullable String topic, @Nullable Integer meetingTypeCode,
		@Nullable String organizer, @Nullable String department, @Nullable String userId,
		@Nullable String employeeId, @Nullable String email, @Nullable String mobile,
		@JsonProperty("meeting_start_time") @JsonDeserialize(using = DisplayTimes.TimeDeserializer.class)
		@JsonSerialize(using = DisplayTimes.TimeSerializer.class) @Nullable OffsetDateTime startTime,
		@JsonProperty("meeting_end_time") @JsonDeserialize(using = DisplayTimes.TimeDeserializer.class)
		@JsonSerialize(using = DisplayTimes.TimeSerializer.class) @Nullable OffsetDateTime endTime,
		@JsonProperty("meeting_duration") @JsonDeserialize(using = DisplayTimes.DurationDeserializer.class)
		@JsonSerialize(using = DisplayTimes.DurationSerializer.class) @Nullable Duration duration,
		@JsonProperty("number_of_participants") @Nullable Integer participantCount,
		@JsonProperty("number_of_devices") @Nullable Integer deviceCount, boolean audio, boolean video,
		boolean sharing, boolean recording, boolean telephone, List<ReservedRoom> reservedRooms,
		boolean hasRelatedDocument, boolean aiNote, @JsonProperty("is_external") boolean external,
		@Nullable Integer meetingSubtype, @JsonProperty("meeting_instance_id") @Nullable String meetingId,
		@JsonProperty("number_of_webinar_viewers") @Nullable Integer webinarViewerCount) {

	/**
	 * Create a record; the list is copied.
	 * @param meetingNo the 9-digit meeting number (the platform names it {@code meeting_id} here)
	 * @param topic the meeting's topic
	 * @param meetingTypeCode the raw {@code meeting_type}; see {@link #meetingType()}
	 * @param organizer who organised it: the calendar event's organiser, the caller of an instant meeting, the
	 * interviewer, or the app's user who reserved it
	 * @param department the organiser's department
	 * @param userId the organiser's id, of the calls' user id type
	 * @param employeeId the organiser's employee number
	 * @param email the organiser's email
	 * @param mobile the organiser's phone number
	 * @param startTime when it started
	 * @param endTime when it ended, {@code null} while it is in progress
	 * @param duration how long it lasted
	 * @param participantCount how many took part
	 * @param deviceCount how many devices joined, in all
	 * @param audio whether anyone used a microphone or speaker
	 * @param video whether anyone used a camera
	 * @param sharing whether anyone shared a screen or a document
	 * @param recording whether it was recorded
	 * @param telephone whether anyone dialled in by phone
	 * @param reservedRooms the rooms booked for it (upcoming meetings only)
	 * @param hasRelatedDocument whether it has documents or notes
	 * @param aiNote whether it used AI notes
	 * @param external whether it was an external meeting
	 * @param meetingSubtype the platform's {@code meeting_subtype}: 0 any, 1 casting, 2 wired casting, 3 magic share,
	 * 4 chat room, 5 reading meeting, 6 enterprise phone, 7 IP phone, 8 webinar, 9 offline meeting, 10 minutes meeting
	 * @param meetingId the meeting's id, which {@code MeetingOperations.get} takes ({@code meeting_instance_id})
	 * @param webinarViewerCount how many watched, for a webinar
	 */
	public MeetingRecord {
		reservedRooms = Lists.immutable(reservedRooms);
	}

	/**
	 * The kind of meeting.
	 * @return the kind, {@link MeetingDataType#UNKNOWN} for a code this version does not know
	 */
	public @Nullable MeetingDataType meetingType() {
		return MeetingDataType.fromCode(this.meetingTypeCode);
	}

	/**
	 * A room booked for an upcoming meeting.
	 *
	 * @param roomId the room's id
	 * @param roomName its name
	 */
	public record ReservedRoom(@Nullable String roomId, @Nullable String roomName) {
	}

}
