package io.github.feishuvc.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the application of a Spring test against a {@link FeishuVcEmulator}: one emulator is started for each
 * application context (and closed with it), {@code feishu.vc.*} points at it ({@link FeishuVcEmulator#springProperties()}),
 * and it is a bean, for {@code @Autowired FeishuVcEmulator emulator}. Once the application's web server has started
 * ({@code webEnvironment = RANDOM_PORT} or {@code DEFINED_PORT}), the emulator pushes its events to the application's
 * own event endpoint ({@code feishu.vc.events.path}, where the running server serves it: under the servlet context's
 * path and the DispatcherServlet's, or WebFlux's base path), so a store app receives its app ticket there. Without a
 * web server (the default {@code MOCK} environment) there is nowhere to push, unless the application receives events
 * over the long connection: an event the test pushes then fails at once saying so, and the events of a meeting's
 * steps are dropped ({@link FeishuVcEmulator#droppedEvents()}).
 *
 * <pre class="code">
 * &#064;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * &#064;AutoConfigureFeishuVcEmulator(storeApp = { "t1", "t2" }, encryptKey = "test-key")
 * class MeetingServiceTests {
 *
 *     &#064;Autowired
 *     FeishuVcEmulator emulator;
 *
 *     &#064;Autowired
 *     ReserveOperations reserves;
 *
 * }
 * </pre>
 *
 * Contexts with the same settings share one emulator, as Spring's test context cache shares the context.
 *
 * @see FeishuVcEmulator
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFeishuVcEmulator {

	/**
	 * The tenants that installed the app, which makes it a store app ({@code feishu.vc.app-type=store}); none for a
	 * self-built app.
	 * @return the tenant keys
	 */
	String[] storeApp() default {};

	/**
	 * The app's encrypt key: events are pushed encrypted and signed with it ({@code feishu.vc.events.encrypt-key}).
	 * Empty for none.
	 * @return the encrypt key
	 */
	String encryptKey() default "";

	/**
	 * Whether the emulator refuses calls over the platform's rate limits (50 a second and 1,000 a minute per API and
	 * tenant, fewer where documented), answering HTTP 429 as the platform does.
	 * @return {@code true} to enforce them
	 */
	boolean enforceRateLimits() default false;

}
