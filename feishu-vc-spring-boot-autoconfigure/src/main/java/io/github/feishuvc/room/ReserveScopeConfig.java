package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.feishuvc.internal.Lists;
import org.jspecify.annotations.Nullable;

/**
 * Who may book rooms ({@code reserve_scope_config}).
 *
 * @param ifCoverChildScope whether this also applies to the levels and rooms below
 * @param allowAllUsers whether everyone may (0 or 1 on the wire); required when sent; without it, at least one user
 * or department
 * @param allowUsers the users who may
 * @param allowDepts the departments whose members may
 */
public record ReserveScopeConfig(@Nullable Boolean ifCoverChildScope,
		@JsonFormat(shape = JsonFormat.Shape.NUMBER) @Nullable Boolean allowAllUsers,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeUser> allowUsers,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeDepartment> allowDepts) {

	/**
	 * Create the configuration, its lists immutable and without nulls.
	 * @param ifCoverChildScope whether this also applies to the levels and rooms below
	 * @param allowAllUsers whether everyone may (0 or 1 on the wire); required when sent; without it, at least one user
	 * or department
	 * @param allowUsers the users who may
	 * @param allowDepts the departments whose members may
	 */
	public ReserveScopeConfig {
		allowUsers = Lists.immutable(allowUsers);
		allowDepts = Lists.immutable(allowDepts);
	}

}
