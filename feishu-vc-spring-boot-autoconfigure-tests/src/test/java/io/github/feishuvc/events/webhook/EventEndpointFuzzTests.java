package io.github.feishuvc.events.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.feishuvc.auth.InMemoryAppTicketStore;
import io.github.feishuvc.events.EventDispatcher;
import io.github.feishuvc.events.InMemoryPublishedEventIds;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.EventRequest;
import io.github.feishuvc.events.webhook.FeishuEventReceiver.Reply;
import io.github.feishuvc.support.ForgedEvents;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Whatever a sender makes up (headers, bodies, encrypted or not, signed with the right key or not), the endpoint
 * answers with the one refusal or, for what is genuinely the platform's, success: never an exception, never a 5xx.
 */
class EventEndpointFuzzTests {

	private static final String KEY = "fuzz-encrypt-key";

	private final InMemoryAppTicketStore tickets = new InMemoryAppTicketStore();

	private final FeishuEventReceiver encrypted = receiver(KEY);

	private final FeishuEventReceiver plain = receiver(null);

	@Test
	void shouldAnswerAnyRequestWithTheRefusalOrSuccessAlone() {
		qt().withExamples(3_000).forAll(bodies(), timestamps(), SourceDSL.booleans().all()).checkAssert(
				(body, header, sign) -> {
					String timestamp = NO_HEADER.equals(header) ? null : header;
					String signature = sign && timestamp != null
							? ForgedEvents.signature(timestamp, "n", KEY, body) : (sign ? "zz" : null);
					EventRequest request = new EventRequest(timestamp, "n", signature, body);
					for (FeishuEventReceiver receiver : List.of(this.encrypted, this.plain)) {
						Reply reply = receiver.receive(request).block(Duration.ofSeconds(5));
						assertThat(reply).isNotNull();
						assertThat(reply.status()).as(new String(body, StandardCharsets.UTF_8)).isIn(200, 400);
					}
				});
	}

	private static Gen<byte[]> bodies() {
		Gen<String> json = SourceDSL.strings().allPossible().ofLengthBetween(0, 120);
		Gen<String> shaped = SourceDSL.arbitrary()
			.pick(List.of("{\"encrypt\":\"%s\"}", "{\"type\":\"url_verification\",\"token\":\"%s\",\"challenge\":\"c\"}",
					"{\"schema\":\"2.0\",\"header\":{\"token\":\"%s\",\"event_type\":\"x\"},\"event\":{}}",
					"{\"type\":\"event_callback\",\"token\":\"%s\",\"event\":{\"type\":\"app_ticket\"}}", "%s"))
			.zip(json, (format, value) -> String.format(format, value.replace("\"", "").replace("\\", "")));
		Gen<byte[]> text = shaped.map((value) -> value.getBytes(StandardCharsets.UTF_8));
		Gen<byte[]> ciphertexts = json.zip(SourceDSL.booleans().all(),
				(plaintext, padded) -> ForgedEvents.encrypted(KEY, padded ? plaintext.getBytes(StandardCharsets.UTF_8)
						: new byte[16 * (1 + plaintext.length() % 4)], padded));
		return text.mix(ciphertexts);
	}

	/** A timestamp header left out. */
	private static final String NO_HEADER = "<none>";

	private static Gen<String> timestamps() {
		Gen<String> now = SourceDSL.longs().between(-600, 600)
			.map((offset) -> Long.toString(System.currentTimeMillis() / 1000 + offset));
		Gen<String> odd = SourceDSL.arbitrary()
			.pick(List.of("", " ", "9223372036854775807", "-9223372036854775808", "1e3", "0x10", "١٢٣", "12 34"));
		return now.mix(odd).mix(SourceDSL.arbitrary().pick(List.of(NO_HEADER)), 10);
	}

	private FeishuEventReceiver receiver(@Nullable String encryptKey) {
		return new FeishuEventReceiver(new FeishuEventReceiver.Settings(FeishuVcEmulator.DEFAULT_APP_ID,
				FeishuVcEmulator.DEFAULT_VERIFICATION_TOKEN, encryptKey, Duration.ofMinutes(5)), this.tickets,
				new EventDispatcher(new InMemoryPublishedEventIds(), (event) -> {
				}, Runnable::run), Clock.systemUTC(), (reason) -> {
				});
	}

}
