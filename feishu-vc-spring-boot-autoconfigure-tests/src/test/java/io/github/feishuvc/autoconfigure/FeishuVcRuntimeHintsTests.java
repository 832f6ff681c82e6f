package io.github.feishuvc.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.internal.DisplayTimes;
import io.github.feishuvc.internal.EventUserIdDeserializer;
import io.github.feishuvc.internal.FeishuApi;
import io.github.feishuvc.internal.FeishuApis;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.event.EventMeeting;
import io.github.feishuvc.reserve.Reserve;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FeishuVcRuntimeHints}: every record of every package of the starter can be constructed and read in
 * a native image, and every mix-in introspected, the long connection's answers among them.
 */
class FeishuVcRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	private final List<Class<?>> types = FeishuVcRuntimeHints.types(getClass().getClassLoader());

	FeishuVcRuntimeHintsTests() {
		new FeishuVcRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void shouldFindTheTypesOfEveryPackage() throws Exception {
		assertThat(this.types).extracting(Class::getPackageName)
			.contains("io.github.feishuvc.core", "io.github.feishuvc.auth", "io.github.feishuvc.reserve",
					"io.github.feishuvc.meeting", "io.github.feishuvc.meeting.event", "io.github.feishuvc.events",
					"io.github.feishuvc.events.longconnection", "io.github.feishuvc.events.webhook",
					"io.github.feishuvc.redis", "io.github.feishuvc.security", "io.github.feishuvc.room",
					"io.github.feishuvc.internal");
		assertThat(this.types).contains(Reserve.class, Meeting.class, EventMeeting.class, FeishuVcEnvelope.class,
				ClassUtils.forName("io.github.feishuvc.events.longconnection.Connector$EndpointData", null),
				ClassUtils.forName("io.github.feishuvc.events.longconnection.ClientConfig", null),
				ClassUtils.forName("io.github.feishuvc.auth.AccessTokenResponse", null));
	}

	@Test
	void shouldCoverEveryRecordOfEveryPackage() throws Exception {
		List<Class<?>> records = this.types.stream().filter(Class::isRecord).toList();
		assertThat(records).hasSizeGreaterThan(60);

		for (Class<?> type : records) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
			Constructor<?> canonical = type.getDeclaredConstructor(
					Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new));
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical))
				.as("canonical constructor of " + type.getName())
				.accepts(this.hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(type.getSimpleName() + "." + component.getName())
					.accepts(this.hints);
			}
		}
	}

	@Test
	void shouldCoverEveryMixIn() {
		List<Class<?>> mixIns = this.types.stream()
			.filter((type) -> type.isInterface() && type.getSimpleName().endsWith("Mixin"))
			.toList();

		assertThat(mixIns).isNotEmpty()
			.allSatisfy((mixIn) -> assertThat(RuntimeHintsPredicates.reflection().onType(mixIn)).as(mixIn.getName())
				.accepts(this.hints));
	}

	@Test
	void shouldLetJacksonCreateTheSerializersAndDeserializersTheModelsName() {
		List<Class<?>> codecs = this.types.stream().filter(FeishuVcRuntimeHints::isValueCodec).toList();

		assertThat(codecs)
			.contains(DisplayTimes.TimeDeserializer.class, DisplayTimes.DurationSerializer.class,
					EventUserIdDeserializer.class)
			.allSatisfy((codec) -> assertThat(RuntimeHintsPredicates.reflection()
				.onType(codec)
				.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).as(codec.getName()).accepts(this.hints));
	}

	@Test
	void shouldLetTheEndpointsBeReadFromTheirCatalogs() throws Exception {
		assertThat(FeishuApis.catalogs()).hasSizeGreaterThan(5).allSatisfy((catalog) -> {
			for (Field field : catalog.getDeclaredFields()) {
				if (field.getType() == FeishuApi.class) {
					assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(field)).as(field.toString())
						.accepts(this.hints);
				}
			}
		});
	}

	@Test
	void shouldIncludeTheLuaScriptsOfTheSharedState() {
		for (String script : List.of("rate-limit", "rate-limit-refused", "event-claim", "event-confirm",
				"event-release")) {
			assertThat(RuntimeHintsPredicates.resource().forResource("io/github/feishuvc/redis/" + script + ".lua"))
				.accepts(this.hints);
		}
	}

}
