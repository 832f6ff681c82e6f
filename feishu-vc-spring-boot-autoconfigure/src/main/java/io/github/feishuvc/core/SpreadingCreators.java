package io.github.feishuvc.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.module.SimpleModule;

/**
 * Calls the constructors of records (every Feishu model is one) through a method handle spread once, when the
 * deserializer is built.
 *
 * <p>Jackson 3.1 calls a multi-argument creator with {@code MethodHandle.invokeWithArguments}, which adapts the
 * handle on every call: profiling showed it as nearly half of the time spent decoding a reservation. A handle
 * adapted to {@code (Object[])Object} once and called with {@code invokeExact} does the same work without that
 * cost. Anything the fast path cannot handle (a constructor that throws, a creator that is not a constructor) is
 * left to Jackson's own instantiator, so errors are reported exactly as Jackson reports them.
 */
final class SpreadingCreators extends SimpleModule {

	private static final MethodType SPREAD = MethodType.methodType(Object.class, Object[].class);

	SpreadingCreators() {
		super("feishu-spreading-creators");
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		context.addValueInstantiators(new ValueInstantiators() {

			@Override
			public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier description) {
				return null;
			}

			@Override
			public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier description, ValueInstantiator instantiator) {
				return spreading(instantiator);
			}

		});
	}

	static ValueInstantiator spreading(ValueInstantiator instantiator) {
		AnnotatedWithParams creator = instantiator.getWithArgsCreator();
		if (!(instantiator instanceof StdValueInstantiator) || creator == null
				|| !(creator.getAnnotated() instanceof Constructor<?> constructor)
				|| !constructor.getDeclaringClass().isRecord() || constructor.getParameterCount() == 0) {
			return instantiator;
		}
		try {
			// Records of this library may be package private; Jackson would make them accessible too.
			constructor.setAccessible(true);
			MethodHandle handle = MethodHandles.lookup()
				.unreflectConstructor(constructor)
				.asSpreader(Object[].class, constructor.getParameterCount())
				.asType(SPREAD);
			return new Spreading(instantiator, handle);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return instantiator;
		}
	}

	/** Jackson's instantiator, with its argument creator called through a pre-spread handle. */
	private static final class Spreading extends ValueInstantiator.Delegating {

		private final transient MethodHandle creator;

		Spreading(ValueInstantiator delegate, MethodHandle creator) {
			super(delegate);
			this.creator = creator;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier description) {
			ValueInstantiator contextual = delegate().createContextual(context, description);
			return (contextual == delegate()) ? this : spreading(contextual);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) this.creator.invokeExact(arguments);
			}
			catch (Throwable ex) {
				if (ex instanceof Error error) {
					throw error;
				}
				// Let Jackson call it again and report the failure its own way.
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

}
