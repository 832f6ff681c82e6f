package io.github.feishuvc.events.longconnection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.ws.pb.Pbbp2;
import io.github.feishuvc.events.longconnection.Frame.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link Frame} against the official SDK's generated {@code pbbp2.Frame}: each reads what the other writes.
 */
class FrameTests {

	@Test
	void shouldReadWhatTheSdkWrites() throws IOException {
		byte[] bytes = Pbbp2.Frame.newBuilder()
			.setSeqID(7)
			.setLogID(1L << 40)
			.setService(321)
			.setMethod(1)
			.addHeaders(Pbbp2.Header.newBuilder().setKey("type").setValue("event"))
			.addHeaders(Pbbp2.Header.newBuilder().setKey("message_id").setValue("m1"))
			.setPayloadEncoding("json")
			.setPayloadType("text")
			.setPayload(ByteString.copyFromUtf8("{\"schema\":\"2.0\"}"))
			.setLogIDNew("log-new")
			.build()
			.toByteArray();

		Frame frame = Frame.parse(bytes);

		assertThat(frame.seqId()).isEqualTo(7);
		assertThat(frame.logId()).isEqualTo(1L << 40);
		assertThat(frame.service()).isEqualTo(321);
		assertThat(frame.method()).isEqualTo(Frame.DATA);
		assertThat(frame.headers()).containsExactly(new Header("type", "event"), new Header("message_id", "m1"));
		assertThat(frame.header("message_id")).isEqualTo("m1");
		assertThat(frame.payloadEncoding()).isEqualTo("json");
		assertThat(frame.payloadType()).isEqualTo("text");
		assertThat(new String(frame.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"schema\":\"2.0\"}");
		assertThat(frame.logIdNew()).isEqualTo("log-new");
	}

	@Test
	void shouldWriteWhatTheSdkReadsWithEveryRequiredField() throws Exception {
		Frame event = new Frame(9, 10, 321, Frame.DATA, List.of(new Header("type", "event")), null, null,
				"{}".getBytes(StandardCharsets.UTF_8), null);

		Pbbp2.Frame ack = Pbbp2.Frame.parseFrom(event.acknowledgement("{\"code\":200}".getBytes(StandardCharsets.UTF_8), 12)
			.toByteArray());
		Pbbp2.Frame ping = Pbbp2.Frame.parseFrom(Frame.ping(321).toByteArray());

		assertThat(ack.isInitialized()).isTrue();
		assertThat(ack.getSeqID()).isEqualTo(9);
		assertThat(ack.getService()).isEqualTo(321);
		assertThat(ack.getHeadersList()).extracting(Pbbp2.Header::getKey, Pbbp2.Header::getValue)
			.containsExactly(tuple("type", "event"),
					tuple("biz_rt", "12"));
		assertThat(ack.getPayload().toStringUtf8()).isEqualTo("{\"code\":200}");
		assertThat(ping.getMethod()).isEqualTo(Frame.CONTROL);
		assertThat(ping.getSeqID()).isZero();
		assertThat(ping.getHeaders(0).getValue()).isEqualTo("ping");
		assertThat(ping.hasPayload()).isFalse();
	}

	@Test
	void shouldWriteEveryFieldTheSdkReadsAndKeepThemInTheAcknowledgement() throws Exception {
		Frame event = new Frame(7, 8, 321, Frame.DATA, List.of(new Header("type", "event"),
				new Header("message_id", "m-1")), "gzip", "json", "{}".getBytes(StandardCharsets.UTF_8), "log-new");

		Pbbp2.Frame written = Pbbp2.Frame.parseFrom(event.toByteArray());
		Pbbp2.Frame ack = Pbbp2.Frame.parseFrom(event.acknowledgement(new byte[0], 3).toByteArray());

		assertThat(written.getSeqID()).isEqualTo(7);
		assertThat(written.getLogID()).isEqualTo(8);
		assertThat(written.getService()).isEqualTo(321);
		assertThat(written.getMethod()).isEqualTo(Frame.DATA);
		assertThat(written.getHeadersList()).extracting(Pbbp2.Header::getKey, Pbbp2.Header::getValue)
			.containsExactly(tuple("type", "event"), tuple("message_id", "m-1"));
		assertThat(written.getPayloadEncoding()).isEqualTo("gzip");
		assertThat(written.getPayloadType()).isEqualTo("json");
		assertThat(written.getPayload().toStringUtf8()).isEqualTo("{}");
		assertThat(written.getLogIDNew()).isEqualTo("log-new");
		assertThat(ack.getLogID()).isEqualTo(8);
		assertThat(ack.getPayloadEncoding()).isEqualTo("gzip");
		assertThat(ack.getPayloadType()).isEqualTo("json");
		assertThat(ack.getLogIDNew()).isEqualTo("log-new");
		assertThat(ack.getPayload().isEmpty()).isTrue();
		assertThat(ack.hasPayload()).isTrue();
	}

	@Test
	void shouldNeverShowThePayloadInItsDescription() {
		Frame event = new Frame(7, 8, 321, Frame.DATA, List.of(new Header("type", "event")), null, null,
				"{\"secret\":1}".getBytes(StandardCharsets.UTF_8), null);

		assertThat(event).hasToString("Frame[method=" + Frame.DATA + ", headers=[Header[key=type, value=event]], "
				+ "payload=12 bytes]");
		assertThat(Frame.ping(1).toString()).endsWith("payload=null]");
	}

	@Test
	void shouldRefuseWhatIsNotAWholeFrame() {
		byte[] whole = Pbbp2.Frame.newBuilder()
			.setSeqID(1)
			.setLogID(1)
			.setService(1)
			.setMethod(1)
			.build()
			.toByteArray();

		assertThatIOException().isThrownBy(() -> Frame.parse(new byte[] { 0x08 }));
		assertThatIOException().isThrownBy(() -> Frame.parse(Arrays.copyOf(whole, 6)));
		assertThatIOException().isThrownBy(() -> Frame.parse("not a frame".getBytes(StandardCharsets.UTF_8)));
	}

}
