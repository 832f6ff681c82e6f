package io.github.feishuvc.room;

import org.jspecify.annotations.Nullable;

/**
 * A department named in a booking rule ({@code subscribe_department}).
 *
 * @param departmentId the department's {@code open_department_id}
 * @param departmentName the department's name, as the platform may send it
 */
public record SubscribeDepartment(@Nullable String departmentId, @Nullable String departmentName) {

	/**
	 * A department by id.
	 * @param departmentId its {@code open_department_id}
	 * @return the department
	 */
	public static SubscribeDepartment of(String departmentId) {
		return new SubscribeDepartment(departmentId, null);
	}

}
