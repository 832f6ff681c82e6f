package io.github.feishuvc.internal;

import io.github.feishuvc.core.RateLimit;
import io.github.feishuvc.internal.FeishuApi.Meaning;
import io.github.feishuvc.internal.FeishuApi.Token;
import io.github.feishuvc.internal.RoomRequests.AdminPatch;
import io.github.feishuvc.internal.RoomRequests.DisableInformPatch;
import io.github.feishuvc.internal.RoomRequests.FormPatch;
import io.github.feishuvc.internal.RoomRequests.ReserveScopePatch;
import io.github.feishuvc.room.DisableInformConfig;
import io.github.feishuvc.room.ReserveAdminConfig;
import io.github.feishuvc.room.ReserveFormConfig;
import io.github.feishuvc.room.ReserveScope;

/**
 * The booking configuration endpoints ({@code vc-rooms.md} §5): each declared once. All eight are the platform's
 * tier 3, 100 a minute; {@code 126001} (no such room or level of that type) is a missing resource, the 500-id and
 * invalid-id codes bad parameters.
 */
public final class ReserveConfigApis {

	private static final String CONFIGS = "/open-apis/vc/v1/reserve_configs";

	private static final String CONFIG = CONFIGS + "/{reserve_config_id}";

	/** {@code GET /reserve_configs/reserve_scope}: the booking restrictions; {@code scope_type} a string here. */
	public static final FeishuApi<ReserveScope> RESERVE_SCOPE = read(
			FeishuApi.get("reserve_config.reserve_scope", CONFIGS + "/reserve_scope").query("scope_id", "scope_type"))
		.returningData(ReserveScope.class);

	/** {@code PATCH /reserve_configs/:reserve_config_id}: change the booking restrictions. */
	public static final FeishuApi<Boolean> PATCH = write(FeishuApi.patch("reserve_config.patch", CONFIG))
		.body(ReserveScopePatch.class)
		.acknowledged();

	/** {@code GET /reserve_configs/:reserve_config_id/form}: the booking form; {@code 126002} if none is set up. */
	public static final FeishuApi<ReserveFormConfig> FORM = read(
			FeishuApi.get("reserve_config_form.get", CONFIG + "/form").query("scope_type"))
		.error(126002, Meaning.NOT_FOUND)
		.returning("reserve_form_config", ReserveFormConfig.class);

	/** {@code PATCH /reserve_configs/:reserve_config_id/form}: change the booking form. */
	public static final FeishuApi<Boolean> FORM_PATCH = write(
			FeishuApi.patch("reserve_config_form.patch", CONFIG + "/form"))
		.error(126002, Meaning.NOT_FOUND)
		.error(126011, Meaning.INVALID_PARAMETER)
		.body(FormPatch.class)
		.acknowledged();

	/** {@code GET /reserve_configs/:reserve_config_id/admin}: the booking administrators; {@code 125002} unpaid. */
	public static final FeishuApi<ReserveAdminConfig> ADMIN = read(
			FeishuApi.get("reserve_config_admin.get", CONFIG + "/admin").query("scope_type"))
		.error(125002, Meaning.NOT_SUPPORTED)
		.returning("reserve_admin_config", ReserveAdminConfig.class);

	/** {@code PATCH /reserve_configs/:reserve_config_id/admin}: change the booking administrators. */
	public static final FeishuApi<Boolean> ADMIN_PATCH = write(
			FeishuApi.patch("reserve_config_admin.patch", CONFIG + "/admin"))
		.error(125002, Meaning.NOT_SUPPORTED)
		.body(AdminPatch.class)
		.acknowledged();

	/** {@code GET /reserve_configs/:reserve_config_id/disable_inform}: who is told of a disablement. */
	public static final FeishuApi<DisableInformConfig> DISABLE_INFORM = read(
			FeishuApi.get("reserve_config_disable_inform.get", CONFIG + "/disable_inform").query("scope_type"))
		.returning("disable_inform", DisableInformConfig.class);

	/** {@code PATCH /reserve_configs/:reserve_config_id/disable_inform}: change who is told. */
	public static final FeishuApi<Boolean> DISABLE_INFORM_PATCH = write(
			FeishuApi.patch("reserve_config_disable_inform.patch", CONFIG + "/disable_inform"))
		.body(DisableInformPatch.class)
		.acknowledged();

	private ReserveConfigApis() {
	}

	/** What every endpoint of the family declares alike. */
	private static FeishuApiBuilder read(FeishuApiBuilder builder) {
		return builder.tokens(Token.TENANT)
			.scopes("vc:room", "vc:room:readonly")
			.userIdType()
			.limit(RateLimit.perMinute(100))
			.error(126001, Meaning.NOT_FOUND);
	}

	/** What every write of the family declares alike, beside what every endpoint does. */
	private static FeishuApiBuilder write(FeishuApiBuilder builder) {
		return read(builder).scopes("vc:room")
			.error(126012, Meaning.INVALID_PARAMETER)
			.error(126013, Meaning.INVALID_PARAMETER)
			.error(126014, Meaning.INVALID_PARAMETER);
	}

}
