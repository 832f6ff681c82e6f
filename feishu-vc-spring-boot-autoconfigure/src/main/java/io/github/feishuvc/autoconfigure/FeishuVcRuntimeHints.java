package io.github.feishuvc.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import io.github.feishuvc.internal.FeishuApis;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Hints for a native image, derived from the types at build time (where AOT runs this registrar) rather than kept by
 * hand: Jackson binds records of every package of the starter (models, request and response bodies, typed events, the
 * long connection's answers), so every record under {@value #BASE_PACKAGE} gets binding hints, and every Jackson
 * mix-in (a nested interface named {@code *Mixin}) has its methods introspected, every public serializer and
 * deserializer (which a model names in an annotation) its constructors; the shared state on Redis loads its
 * Lua scripts from the classpath.
 */
class FeishuVcRuntimeHints implements RuntimeHintsRegistrar {

	/** Every package scanned. */
	static final String BASE_PACKAGE = "io.github.feishuvc";

	/** Classpath resources read at run time. */
	static final String RESOURCES = "io/github/feishuvc/redis/*.lua";

	private static final String MIX_IN_SUFFIX = "Mixin";

	private final BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(RESOURCES);
		for (Class<?> catalog : FeishuApis.catalogs()) {
			hints.reflection().registerType(catalog, MemberCategory.ACCESS_DECLARED_FIELDS);
			for (Field field : catalog.getDeclaredFields()) {
				hints.reflection().registerField(field);
			}
		}
		for (Class<?> type : types(classLoader)) {
			try {
				if (type.isRecord()) {
					this.binding.registerReflectionHints(hints.reflection(), type);
				}
				else if (type.isInterface() && type.getSimpleName().endsWith(MIX_IN_SUFFIX)) {
					hints.reflection().registerType(type, MemberCategory.INVOKE_DECLARED_METHODS);
				}
				else if (isValueCodec(type)) {
					// Named by a model's @JsonSerialize or @JsonDeserialize: Jackson creates it by reflection.
					hints.reflection().registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
				}
			}
			catch (LinkageError ex) {
				// A type of an integration whose library is not on the class path: never bound there.
			}
		}
	}

	/** A public serializer or deserializer of the starter's own, which a model may name in an annotation. */
	static boolean isValueCodec(Class<?> type) {
		return Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())
				&& (ValueSerializer.class.isAssignableFrom(type) || ValueDeserializer.class.isAssignableFrom(type));
	}

	/** Every class of the starter's packages, nested ones included, as the class path has them. */
	static List<Class<?>> types(@Nullable ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		TypeFilter everything = (reader, factory) -> true;
		scanner.addIncludeFilter(everything);
		if (classLoader != null) {
			scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
		}
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents(BASE_PACKAGE)) {
			String name = definition.getBeanClassName();
			if (name != null && ClassUtils.isPresent(name, classLoader)) {
				types.add(ClassUtils.resolveClassName(name, classLoader));
			}
		}
		return types;
	}

}
