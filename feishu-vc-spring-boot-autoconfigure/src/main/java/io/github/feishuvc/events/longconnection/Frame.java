package io.github.feishuvc.events.longconnection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import org.jspecify.annotations.Nullable;

/**
 * One frame of the long connection: the platform's protobuf message {@code pbbp2.Frame}, read and written with
 * protobuf's own streams. Its first four fields are {@code required} (proto2), so they are always written, and a
 * frame without them is refused.
 *
 * @param seqId field 1, {@code SeqID}
 * @param logId field 2, {@code LogID}
 * @param service field 3: the connection's service id
 * @param method field 4: {@link #CONTROL} or {@link #DATA}
 * @param headers field 5: {@code type}, {@code message_id}, {@code sum}, {@code seq}, ...
 * @param payloadEncoding field 6
 * @param payloadType field 7
 * @param payload field 8: an event's JSON, an acknowledgement, or a pong's client configuration
 * @param logIdNew field 9
 */
record Frame(long seqId, long logId, int service, int method, List<Header> headers, @Nullable String payloadEncoding,
		@Nullable String payloadType, byte @Nullable [] payload, @Nullable String logIdNew) {

	/** {@link #method()} of pings and pongs. */
	static final int CONTROL = 0;

	/** {@link #method()} of events. */
	static final int DATA = 1;

	Frame {
		headers = List.copyOf(headers);
	}

	/**
	 * A ping of this client.
	 * @param service the connection's service id
	 * @return the frame
	 */
	static Frame ping(int service) {
		return new Frame(0, 0, service, CONTROL, List.of(new Header("type", "ping")), null, null, null, null);
	}

	/**
	 * Read a frame.
	 * @param bytes a binary WebSocket message
	 * @return the frame
	 * @throws IOException if it is not a frame
	 */
	static Frame parse(byte[] bytes) throws IOException {
		CodedInputStream in = CodedInputStream.newInstance(bytes);
		long seqId = 0;
		long logId = 0;
		int service = 0;
		int method = 0;
		int required = 0;
		List<Header> headers = new ArrayList<>();
		String payloadEncoding = null;
		String payloadType = null;
		byte[] payload = null;
		String logIdNew = null;
		for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
			switch (WireFormat.getTagFieldNumber(tag)) {
				case 1 -> {
					seqId = in.readUInt64();
					required |= 1;
				}
				case 2 -> {
					logId = in.readUInt64();
					required |= 2;
				}
				case 3 -> {
					service = in.readInt32();
					required |= 4;
				}
				case 4 -> {
					method = in.readInt32();
					required |= 8;
				}
				case 5 -> headers.add(Header.parse(in.readBytes().newCodedInput()));
				case 6 -> payloadEncoding = in.readString();
				case 7 -> payloadType = in.readString();
				case 8 -> payload = in.readByteArray();
				case 9 -> logIdNew = in.readString();
				default -> in.skipField(tag);
			}
		}
		if (required != 15) {
			throw new IOException("Not a frame: a required field is missing");
		}
		return new Frame(seqId, logId, service, method, headers, payloadEncoding, payloadType, payload, logIdNew);
	}

	/**
	 * Write the frame.
	 * @return its bytes
	 */
	byte[] toByteArray() {
		int size = CodedOutputStream.computeUInt64Size(1, this.seqId) + CodedOutputStream.computeUInt64Size(2, this.logId)
				+ CodedOutputStream.computeInt32Size(3, this.service) + CodedOutputStream.computeInt32Size(4, this.method);
		for (Header header : this.headers) {
			int headerSize = header.size();
			size += CodedOutputStream.computeTagSize(5) + CodedOutputStream.computeUInt32SizeNoTag(headerSize) + headerSize;
		}
		size += stringSize(6, this.payloadEncoding) + stringSize(7, this.payloadType) + stringSize(9, this.logIdNew)
				+ ((this.payload != null) ? CodedOutputStream.computeByteArraySize(8, this.payload) : 0);
		byte[] bytes = new byte[size];
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		try {
			out.writeUInt64(1, this.seqId);
			out.writeUInt64(2, this.logId);
			out.writeInt32(3, this.service);
			out.writeInt32(4, this.method);
			for (Header header : this.headers) {
				out.writeTag(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
				out.writeUInt32NoTag(header.size());
				header.writeTo(out);
			}
			writeString(out, 6, this.payloadEncoding);
			writeString(out, 7, this.payloadType);
			if (this.payload != null) {
				out.writeByteArray(8, this.payload);
			}
			writeString(out, 9, this.logIdNew);
			out.checkNoSpaceLeft();
		}
		catch (IOException ex) {
			throw new IllegalStateException("A frame did not fit the size computed for it", ex);
		}
		return bytes;
	}

	/**
	 * The value of a header.
	 * @param key the header's name
	 * @return its first value, or {@code null}
	 */
	@Nullable String header(String key) {
		for (Header header : this.headers) {
			if (header.key().equals(key)) {
				return header.value();
			}
		}
		return null;
	}

	/**
	 * The platform's acknowledgement of a data frame: the same frame with the answer as its payload and the handler's
	 * time added as {@code biz_rt}.
	 * @param answer the answer's JSON
	 * @param handlerMillis how long the event took to hand over
	 * @return the frame
	 */
	Frame acknowledgement(byte[] answer, long handlerMillis) {
		List<Header> withTime = new ArrayList<>(this.headers);
		withTime.add(new Header("biz_rt", Long.toString(handlerMillis)));
		return new Frame(this.seqId, this.logId, this.service, this.method, withTime, this.payloadEncoding,
				this.payloadType, answer, this.logIdNew);
	}

	private static int stringSize(int field, @Nullable String value) {
		return (value != null) ? CodedOutputStream.computeStringSize(field, value) : 0;
	}

	private static void writeString(CodedOutputStream out, int field, @Nullable String value) throws IOException {
		if (value != null) {
			out.writeString(field, value);
		}
	}

	/** Never shows the payload, which may hold an event. */
	@Override
	public String toString() {
		return "Frame[method=" + this.method + ", headers=" + this.headers + ", payload="
				+ ((this.payload != null) ? this.payload.length + " bytes" : null) + "]";
	}

	/**
	 * A header of a frame, {@code pbbp2.Header}: both fields required.
	 *
	 * @param key field 1
	 * @param value field 2
	 */
	record Header(String key, String value) {

		static Header parse(CodedInputStream in) throws IOException {
			String key = null;
			String value = null;
			for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
				switch (WireFormat.getTagFieldNumber(tag)) {
					case 1 -> key = in.readString();
					case 2 -> value = in.readString();
					default -> in.skipField(tag);
				}
			}
			if (key == null || value == null) {
				throw new IOException("Not a frame: a header without its key or value");
			}
			return new Header(key, value);
		}

		int size() {
			return CodedOutputStream.computeStringSize(1, this.key) + CodedOutputStream.computeStringSize(2, this.value);
		}

		void writeTo(CodedOutputStream out) throws IOException {
			out.writeString(1, this.key);
			out.writeString(2, this.value);
		}

	}

}
