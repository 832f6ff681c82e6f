package io.github.feishuvc.reserve;

import java.util.List;

import io.github.feishuvc.core.FeishuVcJson;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Feishu's wire names stay inside the starter's mapper.
 */
class ReserveJsonTests {

	private final Reserve reference = FeishuVcJson.mapper().treeToValue(
			FeishuVcJson.mapper().readTree(TestFeishu.referenceResponse()).path("data").path("reserve"), Reserve.class);

	@Test
	void shouldSerializeWithTheApplicationsConventionsInTheApplicationsMapper() {
		JsonNode json = JsonMapper.builder().build().valueToTree(this.reference);

		assertThat(json.has("expireStatusCode")).isTrue();
		assertThat(json.has("expire_status")).isFalse();
		assertThat(json.has("meetingNo")).isTrue();
		assertThat(json.path("meetingSettings").path("actionPermissions").get(0).has("permissionCode")).isTrue();
	}

	@Test
	void shouldDropNullElementsAndKeepListsUnmodifiable() {
		Reserve reserve = FeishuVcJson.mapper().readValue("""
				{"meeting_settings":{"assign_host_list":[null,{"id":"ou_1","user_type":1}],"action_permissions":[]}}""",
				Reserve.class);

		List<ReserveAssignHost> hosts = reserve.meetingSettings().assignHostList();
		assertThat(hosts).singleElement().extracting(ReserveAssignHost::id).isEqualTo("ou_1");
		assertThat(reserve.meetingSettings().actionPermissions()).isEmpty();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> hosts.add(hosts.get(0)));
	}

	@Test
	void shouldWriteFeishuNamesWithTheFeishuMapper() {
		JsonNode json = FeishuVcJson.mapper().valueToTree(this.reference);

		assertThat(json.path("expire_status").asInt()).isZero();
		assertThat(json.path("end_time").asString()).isEqualTo("1608883322");
		JsonNode settings = json.path("meeting_settings");
		assertThat(settings.path("meeting_initial_type").asInt()).isEqualTo(1);
		assertThat(settings.path("action_permissions").get(0).path("permission").asInt()).isEqualTo(1);
		assertThat(settings.path("action_permissions").get(0).path("permission_checkers").get(0).path("check_mode")
			.asInt()).isEqualTo(1);
		assertThat(settings.path("call_setting").path("callee").path("user_type").asInt()).isEqualTo(1);
		assertThat(settings.path("assign_host_list").get(0).path("user_type").asInt()).isEqualTo(1);
	}

}
