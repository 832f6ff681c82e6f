package io.github.feishuvc.room;

import org.jspecify.annotations.Nullable;

/**
 * One booking of a room, as the platform reports it ({@code room_meeting_reservation}): every value is a display
 * string of the tenant's language, times included ({@code 2022.12.17 21:00:00 (GMT+08:00)}), and is kept as sent.
 *
 * @param roomId the room's id
 * @param roomName the room's name
 * @param eventTitle the meeting's title, if asked for
 * @param reserver who booked it
 * @param reserverUserId the booker's ids, such as {@code ou_1234567(UserID);cli_123123(BotID)}
 * @param departmentOfReserver the booker's department
 * @param guestsNumber how many were invited
 * @param acceptedNumber how many accepted
 * @param eventStartTime when the meeting starts
 * @param eventEndTime when it ends
 * @param eventDuration how long it lasts, such as {@code 1:00:00}
 * @param reservationStatus the booking's state, such as approved or released
 * @param checkInDevice where the booker checked in
 * @param roomCheckInStatus the check-in's state
 * @param checkInTime when the booker checked in
 * @param isReleaseEarly whether and how the room was released early
 * @param releasingPerson who released it
 * @param releasingTime when
 */
public record RoomReservation(@Nullable String roomId, @Nullable String roomName, @Nullable String eventTitle,
		@Nullable String reserver, @Nullable String reserverUserId, @Nullable String departmentOfReserver,
		@Nullable String guestsNumber, @Nullable String acceptedNumber, @Nullable String eventStartTime,
		@Nullable String eventEndTime, @Nullable String eventDuration, @Nullable String reservationStatus,
		@Nullable String checkInDevice, @Nullable String roomCheckInStatus, @Nullable String checkInTime,
		@Nullable String isReleaseEarly, @Nullable String releasingPerson, @Nullable String releasingTime) {
}
