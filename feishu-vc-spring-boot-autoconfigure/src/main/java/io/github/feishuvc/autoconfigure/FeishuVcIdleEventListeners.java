package io.github.feishuvc.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.feishuvc.agent.event.AgentEvent;
import io.github.feishuvc.events.FeishuEvent;
import io.github.feishuvc.meeting.event.AudioRecordingEvent;
import io.github.feishuvc.meeting.event.MeetingEvent;
import io.github.feishuvc.minutes.event.MinuteEvent;
import io.github.feishuvc.note.event.NoteEvent;
import io.github.feishuvc.room.event.RoomEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedObject;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Says at start-up, at WARN, that the application listens for Feishu events that cannot arrive: events are off
 * unless {@code feishu.vc.events.enabled=true} (a store app's are on unless switched off) or
 * {@code feishu.vc.events.mode=long-connection}, so an {@code @EventListener} for one of the starter's event types
 * would otherwise wait in silence. Silent when there is no such listener, or when events are on.
 */
final class FeishuVcIdleEventListeners implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(FeishuVcIdleEventListeners.class);

	/** What the starter publishes: the raw event and each family's typed events. */
	private static final List<Class<?>> EVENT_TYPES = List.of(FeishuEvent.class, AgentEvent.class, MeetingEvent.class,
			AudioRecordingEvent.class, NoteEvent.class, MinuteEvent.class, RoomEvent.class);

	private final FeishuVcProperties properties;

	private final FeishuVcEventsProperties events;

	private final ListableBeanFactory beanFactory;

	FeishuVcIdleEventListeners(FeishuVcProperties properties, FeishuVcEventsProperties events,
			ListableBeanFactory beanFactory) {
		this.properties = properties;
		this.events = events;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (eventsArrive()) {
			return;
		}
		List<String> listeners = listeners();
		if (!listeners.isEmpty()) {
			logger.warn("Events are off, so these @EventListener methods for Feishu events will receive nothing: "
					+ String.join(", ", listeners) + ". To receive events, set " + FeishuVcEventsProperties.PREFIX
					+ ".enabled=true (the platform pushes them to " + this.events.getPath() + ") or "
					+ FeishuVcEventsProperties.PREFIX + ".mode=long-connection.");
		}
	}

	/** As the event endpoint's and the long connection's conditions decide. */
	private boolean eventsArrive() {
		if (this.events.getMode() == FeishuVcProperties.EventsMode.LONG_CONNECTION) {
			return true;
		}
		Boolean enabled = this.events.getEnabled();
		return (enabled != null) ? enabled : this.properties.getAppType() == FeishuVcProperties.AppType.STORE;
	}

	/**
	 * The listener methods for one of the starter's event types, as {@code Class.method}, found as Spring's
	 * {@code EventListenerMethodProcessor} finds them: every bean, those registered by hand included, by its target
	 * class through any proxy.
	 */
	private List<String> listeners() {
		List<String> found = new ArrayList<>();
		for (String name : this.beanFactory.getBeanNamesForType(Object.class, true, false)) {
			if (ScopedProxyUtils.isScopedTarget(name)) {
				// Its scoped proxy is looked at instead, as Spring does.
				continue;
			}
			Class<?> type = targetClass(name);
			if (type == null || !AnnotationUtils.isCandidateClass(type, EventListener.class)) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			Map<Method, EventListener> methods;
			try {
				methods = MethodIntrospector.selectMethods(userClass,
						(MethodIntrospector.MetadataLookup<EventListener>) (method) -> AnnotatedElementUtils
							.findMergedAnnotation(method, EventListener.class));
			}
			catch (RuntimeException | LinkageError ex) {
				// A type whose methods cannot be read (an unresolvable class): Spring's own processor skips it too.
				continue;
			}
			methods.forEach((method, listener) -> {
				if (listensForFeishuEvents(method, listener)) {
					found.add(userClass.getSimpleName() + "." + method.getName());
				}
			});
		}
		return found;
	}

	/**
	 * The class whose methods Spring reads for listeners: the target of a proxy (a JDK interface proxy's type says
	 * nothing of the bean's methods), and of a scoped proxy its scoped target.
	 */
	private @Nullable Class<?> targetClass(String name) {
		try {
			if (!(this.beanFactory instanceof ConfigurableListableBeanFactory configurable)) {
				return this.beanFactory.getType(name, false);
			}
			Class<?> type = AutoProxyUtils.determineTargetClass(configurable, name);
			if (type != null && ScopedObject.class.isAssignableFrom(type)) {
				Class<?> target = AutoProxyUtils.determineTargetClass(configurable,
						ScopedProxyUtils.getTargetBeanName(name));
				return (target != null) ? target : type;
			}
			return type;
		}
		catch (RuntimeException ex) {
			// A bean whose type cannot be told without creating it: Spring's own processor skips it too.
			return null;
		}
	}

	/**
	 * Whether a listener's declared event types (its {@code classes}, or else its parameter, a
	 * {@code PayloadApplicationEvent<X>} standing for {@code X}) include one of the starter's event types.
	 */
	private static boolean listensForFeishuEvents(Method method, EventListener listener) {
		List<ResolvableType> declared = new ArrayList<>();
		for (Class<?> type : listener.classes()) {
			declared.add(ResolvableType.forClass(type));
		}
		if (declared.isEmpty() && method.getParameterCount() == 1) {
			declared.add(ResolvableType.forMethodParameter(method, 0));
		}
		for (ResolvableType type : declared) {
			Class<?> eventClass = eventClass(type);
			for (Class<?> eventType : EVENT_TYPES) {
				if (eventClass != null && eventType.isAssignableFrom(eventClass)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The event a declared type stands for: a payload event's payload, or the type itself. */
	private static @Nullable Class<?> eventClass(ResolvableType declared) {
		if (PayloadApplicationEvent.class.isAssignableFrom(declared.toClass())) {
			return declared.as(PayloadApplicationEvent.class).getGeneric().resolve();
		}
		return declared.resolve();
	}

}
