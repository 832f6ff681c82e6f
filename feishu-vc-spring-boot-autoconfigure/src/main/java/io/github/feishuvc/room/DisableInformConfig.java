package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Who is told when a room is disabled or enabled again ({@code disable_inform}).
 *
 * @param ifCoverChildScope whether this also applies to the levels and rooms below
 * @param ifInform whether anyone is told; required when sent
 * @param informedUsers the users told
 * @param informedDepts the departments whose members are told
 */
public record DisableInformConfig(@Nullable Boolean ifCoverChildScope, @Nullable Boolean ifInform,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeUser> informedUsers,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeDepartment> informedDepts) {

	/**
	 * Create the configuration, its lists immutable and without nulls.
	 * @param ifCoverChildScope whether this also applies to the levels and rooms below
	 * @param ifInform whether anyone is told; required when sent
	 * @param informedUsers the users told
	 * @param informedDepts the departments whose members are told
	 */
	public DisableInformConfig {
		informedUsers = Lists.immutable(informedUsers);
		informedDepts = Lists.immutable(informedDepts);
	}

}
