package io.github.feishuvc.room;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.internal.Lists;

/**
 * Who administers the bookings of a level or a room ({@code reserve_admin_config}); a feature of paid plans.
 *
 * @param departments the departments whose members administer them
 * @param users the users who administer them
 */
public record ReserveAdminConfig(
		@JsonProperty("depts") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeDepartment> departments,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<SubscribeUser> users) {

	/**
	 * Create the configuration, its lists immutable and without nulls.
	 * @param departments the departments whose members administer them
	 * @param users the users who administer them
	 */
	public ReserveAdminConfig {
		departments = Lists.immutable(departments);
		users = Lists.immutable(users);
	}

}
