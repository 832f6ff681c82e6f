package io.github.feishuvc.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.core.FeishuVcEnvelope;
import io.github.feishuvc.core.FeishuVcResponseBody;
import io.github.feishuvc.meeting.Meeting;
import io.github.feishuvc.meeting.MeetingQuery;
import io.github.feishuvc.meeting.event.EventMeeting;
import io.github.feishuvc.meeting.event.MeetingEvent;
import io.github.feishuvc.reserve.Reserve;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FeishuVcRuntimeHints}: every record Jackson binds can be constructed and read in a native image,
 * and every mix-in introspected. New models of the reserve package are found by scanning, so none can be missed.
 */
class FeishuVcRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	FeishuVcRuntimeHintsTests() {
		new FeishuVcRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void shouldCoverEveryRecordOfTheModelPackagesAndTheBodies() throws Exception {
		List<Class<?>> bound = new ArrayList<>(recordsIn("io.github.feishuvc.reserve"));
		bound.addAll(recordsIn("io.github.feishuvc.meeting"));
		bound.removeIf((type) -> MeetingEvent.class.isAssignableFrom(type));
		// Query options: turned into query parameters, never bound.
		bound.remove(MeetingQuery.class);
		bound.add(FeishuVcEnvelope.class);
		bound.add(FeishuVcResponseBody.ErrorDetail.class);
		bound.add(ClassUtils.forName("io.github.feishuvc.auth.AccessTokenResponse", null));
		assertThat(bound).contains(Reserve.class, Meeting.class, EventMeeting.class).hasSizeGreaterThan(40);

		for (Class<?> type : bound) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
			Constructor<?> canonical = type.getDeclaredConstructor(
					java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new));
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
	void shouldIncludeTheLuaScriptOfTheSharedState() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/feishuvc/redis/rate-limit.lua"))
			.accepts(this.hints);
	}

	@Test
	void shouldCoverEveryMixIn() throws Exception {
		for (String holder : List.of("io.github.feishuvc.reserve.ReserveJson", "io.github.feishuvc.meeting.MeetingJson",
				"io.github.feishuvc.meeting.event.MeetingEventDecoder")) {
			List<Class<?>> mixIns = java.util.Arrays.stream(ClassUtils.forName(holder, null).getDeclaredClasses())
				.filter(Class::isInterface)
				.filter((type) -> type.getSimpleName().endsWith("Mixin"))
				.toList();
			assertThat(mixIns).as(holder).isNotEmpty().allSatisfy((mixIn) -> assertThat(
					RuntimeHintsPredicates.reflection().onType(mixIn)).as(mixIn.getName()).accepts(this.hints));
		}
	}

	private static List<Class<?>> recordsIn(String packageName) throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		TypeFilter records = (reader, factory) -> "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName());
		scanner.addIncludeFilter(records);
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents(packageName)) {
			types.add(ClassUtils.forName(definition.getBeanClassName(), null));
		}
		return types;
	}

}
