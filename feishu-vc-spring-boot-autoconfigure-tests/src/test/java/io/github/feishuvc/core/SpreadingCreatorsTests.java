package io.github.feishuvc.core;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SpreadingCreators}: records are built through the pre-spread handle, with Jackson's results and
 * Jackson's errors.
 */
class SpreadingCreatorsTests {

	private static final String JSON = """
			{"name":"room","seats":12,"tags":["a","b"],"owner":{"name":"ou_1","seats":0},"ignored":true}""";

	private final JsonMapper plain = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void shouldBuildRecordsThroughTheSpreadHandle() {
		Traced traced = FeishuVcJson.mapper().readValue("{\"name\":\"x\"}", Traced.class);

		assertThat(traced.name()).isEqualTo("x");
		assertThat(Traced.lastCall).extracting(StackTraceElement::getClassName)
			.contains(SpreadingCreators.class.getName() + "$Spreading")
			.doesNotContain("java.lang.invoke.MethodHandle");
	}

	@Test
	void shouldDecodeWhatJacksonDecodes() {
		Room fast = FeishuVcJson.mapper().readValue(JSON, Room.class);

		assertThat(fast).isEqualTo(this.plain.readValue(JSON, Room.class));
		assertThat(fast.owner().tags()).isNull();
		assertThat(FeishuVcJson.mapper().readValue("{}", Room.class)).isEqualTo(new Room(null, 0, null, null));
	}

	@Test
	void shouldReportAFailingConstructorAsJacksonDoes() {
		String json = "{\"name\":\"room\",\"seats\":-1}";
		DatabindException expected = catchDatabind(this.plain, json);

		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> FeishuVcJson.mapper().readValue(json, Room.class))
			.isExactlyInstanceOf(expected.getClass())
			.withMessageContaining("seats must not be negative")
			.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(IllegalArgumentException.class));
	}

	@Test
	void shouldBuildPrivateRecords() {
		assertThat(FeishuVcJson.mapper().readValue("{\"value\":\"v\"}", Hidden.class).value()).isEqualTo("v");
	}

	private static DatabindException catchDatabind(JsonMapper mapper, String json) {
		try {
			mapper.readValue(json, Room.class);
		}
		catch (DatabindException ex) {
			return ex;
		}
		throw new AssertionError("Jackson accepted " + json);
	}

	record Room(@Nullable String name, int seats, @Nullable List<String> tags, @Nullable Room owner) {

		Room {
			if (seats < 0) {
				throw new IllegalArgumentException("seats must not be negative");
			}
		}

	}

	record Traced(String name) {

		static volatile List<StackTraceElement> lastCall = List.of();

		Traced {
			lastCall = Arrays.asList(new Throwable().getStackTrace());
		}

	}

	private record Hidden(String value) {

	}

}
