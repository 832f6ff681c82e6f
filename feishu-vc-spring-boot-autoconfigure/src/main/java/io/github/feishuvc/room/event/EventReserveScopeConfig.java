package io.github.feishuvc.room.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.github.feishuvc.internal.Lists;
import io.github.feishuvc.room.SubscribeDepartment;
import org.jspecify.annotations.Nullable;

/**
 * Who may book rooms, as its event shows it ({@code reserve_scope_config_event}): a
 * {@link io.github.feishuvc.room.ReserveScopeConfig} whose users carry every kind of user id.
 *
 * @param allowAllUsers whether everyone may
 * @param allowUsers the users who may
 * @param allowDepts the departments whose members may
 */
public record EventReserveScopeConfig(@JsonFormat(shape = JsonFormat.Shape.NUMBER) @Nullable Boolean allowAllUsers,
		List<EventSubscribeUser> allowUsers, List<SubscribeDepartment> allowDepts) {

	/**
	 * Create the configuration, its lists immutable and without nulls.
	 * @param allowAllUsers whether everyone may
	 * @param allowUsers the users who may
	 * @param allowDepts the departments whose members may
	 */
	public EventReserveScopeConfig {
		allowUsers = Lists.immutable(allowUsers);
		allowDepts = Lists.immutable(allowDepts);
	}

}
