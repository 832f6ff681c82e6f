package io.github.feishuvc.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of {@code docs/design.md}, held over the library's compiled classes: {@code core} depends on nothing of
 * ours; {@code auth} on {@code core}; {@code events} on {@code core} and {@code auth}, knowing no family; the shared
 * internals ({@code internal}) on those and on the families' models that the declarations name; each family on
 * {@code core}, {@code auth}, {@code events}' API and {@code internal}, on another family only through its models;
 * the leaf helpers ({@code internal.logging}) on nothing of ours, for every layer to use;
 * the adapters ({@code redis}, {@code security}, {@code health}, {@code actuate}) beside them; {@code autoconfigure} on
 * top, and nothing on it. And the public surface: no public or protected signature outside {@code internal} names one
 * of its types, and the templates behind the operations are final and not public.
 */
class ArchitectureTests {

	private static final String OURS = "io.github.feishuvc..";

	private static final String CORE = "io.github.feishuvc.core..";

	private static final String AUTH = "io.github.feishuvc.auth..";

	private static final String EVENTS = "io.github.feishuvc.events";

	private static final String EVENT_TRANSPORTS = "io.github.feishuvc.events.(*)..";

	private static final String INTERNAL = "io.github.feishuvc.internal..";

	/** Helpers every layer may use, which use nothing else of ours. */
	private static final String LEAVES = "io.github.feishuvc.internal.logging..";

	private static final String AUTOCONFIGURE = "io.github.feishuvc.autoconfigure..";

	private static final String[] ADAPTERS = { "io.github.feishuvc.redis..", "io.github.feishuvc.security..",
			"io.github.feishuvc.health..", "io.github.feishuvc.actuate.." };

	private static final String[] FAMILIES = { "io.github.feishuvc.reserve..", "io.github.feishuvc.meeting..",
			"io.github.feishuvc.room..", "io.github.feishuvc.report..", "io.github.feishuvc.export..",
			"io.github.feishuvc.note..", "io.github.feishuvc.minutes..", "io.github.feishuvc.agent.." };

	private static final Set<String> FAMILY_NAMES = Set.of("reserve", "meeting", "room", "report", "export", "note",
			"minutes", "agent");

	/** The autoconfigure module's own classes, not the emulator's nor the tests'. */
	private static final JavaClasses LIBRARY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ArchitectureTests::isLibrary)
		.importPackages("io.github.feishuvc");

	@Test
	void shouldKeepCoreFreeOfEverythingElseOfOurs() {
		check(noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat(
				resideInAPackage(OURS).and(DescribedPredicate.not(resideInAPackage(CORE)))));
	}

	@Test
	void shouldBuildAuthOnCoreOnly() {
		check(noClasses().that().resideInAPackage(AUTH).should().dependOnClassesThat(
				resideInAPackage(OURS).and(DescribedPredicate.not(resideInAnyPackage(CORE, AUTH)))));
	}

	@Test
	void shouldKeepEventsFreeOfTheFamiliesAndEverythingAboveThem() {
		check(noClasses().that().resideInAPackage(EVENTS + "..").should().dependOnClassesThat(
				resideInAnyPackage(concat(FAMILIES, ADAPTERS, AUTOCONFIGURE))
					.or(resideInAPackage(INTERNAL).and(DescribedPredicate.not(resideInAPackage(LEAVES))))));
	}

	@Test
	void shouldKeepTheLeafHelpersFreeOfEverythingElseOfOurs() {
		check(noClasses().that().resideInAPackage(LEAVES).should().dependOnClassesThat(
				resideInAPackage(OURS).and(DescribedPredicate.not(resideInAPackage(LEAVES)))));
	}

	@Test
	void shouldBuildTheInternalsOnCoreAuthEventsAndTheFamiliesModels() {
		check(noClasses().that().resideInAPackage(INTERNAL).should().dependOnClassesThat(
				resideInAnyPackage(concat(ADAPTERS, AUTOCONFIGURE, EVENT_TRANSPORTS))
					.or(resideInAnyPackage(FAMILIES).and(operationsOrTemplates()))));
	}

	@Test
	void shouldBuildEachFamilyBelowTheAdaptersAndTheAutoConfiguration() {
		check(noClasses().that().resideInAnyPackage(FAMILIES).should().dependOnClassesThat(
				resideInAnyPackage(concat(ADAPTERS, AUTOCONFIGURE, EVENT_TRANSPORTS))));
	}

	@Test
	void shouldLetAFamilyUseAnotherOnlyThroughItsModels() {
		check(classes().that().resideInAnyPackage(FAMILIES).should(new ArchCondition<>(
				"use another family only through its models, never its operations or their implementation") {

			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String family = family(item);
				item.getDirectDependenciesFromSelf().forEach((dependency) -> {
					JavaClass target = dependency.getTargetClass();
					String other = family(target);
					if (other != null && !other.equals(family) && operationsOrTemplates().test(target)) {
						events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
					}
				});
			}

		}));
	}

	@Test
	void shouldKeepTheMinutesFreeOfEveryOtherFamily() {
		// A minute is reached from a recording's URL or a note's meeting, never through their types: the link is a
		// string that MinuteLinks reads, so the minutes stand alone.
		check(noClasses().that().resideInAPackage("io.github.feishuvc.minutes..").should().dependOnClassesThat(
				resideInAnyPackage(Stream.of(FAMILIES).filter((family) -> !family.contains(".minutes."))
					.toArray(String[]::new))));
	}

	@Test
	void shouldLetNothingDependOnTheAutoConfiguration() {
		check(noClasses().that().resideOutsideOfPackage(AUTOCONFIGURE).should().dependOnClassesThat(
				resideInAPackage(AUTOCONFIGURE)));
	}

	@Test
	void shouldHaveNoCyclesBetweenPackages() {
		// One edge is left out by design: the declarations in internal name the models each endpoint takes and returns
		// (one declaration per endpoint, in one catalog that the limiter, the native hints and the emulator read),
		// while each family calls through internal's caller.
		check(slices().matching("io.github.feishuvc.(**)")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(resideInAPackage(INTERNAL), resideInAnyPackage(FAMILIES)));
	}

	@Test
	void shouldKeepTheInternalTypesOutOfEveryPublicSignature() {
		check(classes().that().resideOutsideOfPackage(INTERNAL).and().arePublic()
			.should(new ArchCondition<>("name no type of io.github.feishuvc.internal in a public or protected signature") {

				@Override
				public void check(JavaClass item, ConditionEvents events) {
					// Every type a signature involves, type arguments and bounds included: Mono<an internal type> leaks
					// it as surely as the type itself.
					List<String> leaks = new ArrayList<>();
					item.getSuperclass().ifPresent((type) -> internal(type).forEach((name) -> leaks.add("extends " + name)));
					item.getInterfaces().forEach((type) -> internal(type).forEach((name) -> leaks.add("implements " + name)));
					for (JavaCodeUnit unit : item.getCodeUnits()) {
						if (isVisible(unit.getModifiers(), item)) {
							unit.getParameterTypes().forEach((type) -> internal(type)
								.forEach((name) -> leaks.add(unit.getFullName() + " takes " + name)));
							internal(unit.getReturnType()).forEach((name) -> leaks.add(unit.getFullName() + " returns " + name));
							unit.getThrowsClause().getTypes().forEach((type) -> internal(type)
								.forEach((name) -> leaks.add(unit.getFullName() + " throws " + name)));
						}
					}
					for (JavaField field : item.getFields()) {
						if (isVisible(field.getModifiers(), item)) {
							internal(field.getType()).forEach((name) -> leaks.add(field.getFullName() + " is a " + name));
						}
					}
					leaks.forEach((leak) -> events.add(SimpleConditionEvent.violated(item, leak)));
				}

			}));
	}

	@Test
	void shouldKeepTheTemplatesFinalAndBehindTheirOperations() {
		check(classes().that().resideInAnyPackage(FAMILIES).and().haveSimpleNameEndingWith("Template")
			.should().haveModifier(JavaModifier.FINAL)
			.andShould().notBePublic());
	}

	private static void check(ArchRule rule) {
		rule.check(LIBRARY);
	}

	private static boolean isLibrary(Location location) {
		return location.matches(java.util.regex.Pattern.compile(".*/feishu-vc-spring-boot-autoconfigure(/|-[0-9]).*"));
	}

	/** The types of io.github.feishuvc.internal (or below) that a type involves, by name. */
	private static List<String> internal(JavaType type) {
		return type.getAllInvolvedRawTypes()
			.stream()
			.filter((raw) -> raw.getPackageName().startsWith("io.github.feishuvc.internal"))
			.map(JavaClass::getName)
			.sorted()
			.toList();
	}

	/** Public, or protected in a class that may be extended. */
	private static boolean isVisible(Set<JavaModifier> modifiers, JavaClass owner) {
		return modifiers.contains(JavaModifier.PUBLIC)
				|| (modifiers.contains(JavaModifier.PROTECTED) && !owner.getModifiers().contains(JavaModifier.FINAL));
	}

	private static DescribedPredicate<JavaClass> operationsOrTemplates() {
		return simpleNameEndingWith("Operations").or(simpleNameEndingWith("Template"))
			.as("their operations or templates");
	}

	/** The family a class belongs to: {@code reserve} for {@code io.github.feishuvc.reserve.event.X}, else null. */
	private static String family(JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith("io.github.feishuvc.")) {
			return null;
		}
		String first = name.substring("io.github.feishuvc.".length()).split("\\.")[0];
		return FAMILY_NAMES.contains(first) ? first : null;
	}

	private static String[] concat(Object... parts) {
		List<String> all = new ArrayList<>();
		for (Object part : parts) {
			if (part instanceof String[] many) {
				all.addAll(List.of(many));
			}
			else {
				all.add((String) part);
			}
		}
		return all.toArray(String[]::new);
	}

}
