package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * The booking form of a level or a room, and who is told of bookings ({@code reserve_form_config}).
 *
 * @param ifCoverChildScope whether this also applies to the levels and rooms below
 * @param reserveForm whether bookers fill in a form; required when sent
 * @param notifiedUsers who is told of a booking
 * @param notifiedTime how long before the meeting they are told, in {@link #timeUnit()}s
 * @param timeUnitCode the raw {@code time_unit} code; see {@link #timeUnit()}
 */
public record ReserveFormConfig(@Nullable Boolean ifCoverChildScope, @Nullable Boolean reserveForm,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeUser> notifiedUsers, @Nullable Integer notifiedTime,
		@Nullable Integer timeUnitCode) {

	/**
	 * Create the configuration, the users immutable and without nulls.
	 * @param ifCoverChildScope whether this also applies to the levels and rooms below
	 * @param reserveForm whether bookers fill in a form; required when sent
	 * @param notifiedUsers who is told of a booking
	 * @param notifiedTime how long before the meeting they are told, in {@link #timeUnit()}s
	 * @param timeUnitCode the raw {@code time_unit} code; see {@link #timeUnit()}
	 */
	public ReserveFormConfig {
		notifiedUsers = Lists.immutable(notifiedUsers);
	}

	/**
	 * The unit of {@link #notifiedTime()}.
	 * @return the unit, {@link NoticeTimeUnit#UNKNOWN} for a code this version does not know, {@code null} if absent
	 * (days)
	 */
	public @Nullable NoticeTimeUnit timeUnit() {
		return NoticeTimeUnit.fromCode(this.timeUnitCode);
	}

}
