package io.github.feishuvc.test;

import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import org.jspecify.annotations.Nullable;

/**
 * The long connection's frames as the platform defines them, {@code pbbp2.proto} (proto2): {@code Frame} and its
 * {@code Header}, described here and read and written as protobuf's dynamic messages, so that a frame missing one of
 * its required fields is refused as the platform would.
 */
final class FrameCodec {

	/** {@code method} of pings and pongs. */
	static final int CONTROL = 0;

	/** {@code method} of events. */
	static final int DATA = 1;

	private static final Descriptor FRAME;

	private static final Descriptor HEADER;

	static {
		FileDescriptorProto file = FileDescriptorProto.newBuilder()
			.setName("pbbp2.proto")
			.setPackage("pbbp2")
			.addMessageType(DescriptorProto.newBuilder()
				.setName("Header")
				.addField(field("key", 1, FieldDescriptorProto.Type.TYPE_STRING, FieldDescriptorProto.Label.LABEL_REQUIRED))
				.addField(field("value", 2, FieldDescriptorProto.Type.TYPE_STRING,
						FieldDescriptorProto.Label.LABEL_REQUIRED)))
			.addMessageType(DescriptorProto.newBuilder()
				.setName("Frame")
				.addField(field("SeqID", 1, FieldDescriptorProto.Type.TYPE_UINT64, FieldDescriptorProto.Label.LABEL_REQUIRED))
				.addField(field("LogID", 2, FieldDescriptorProto.Type.TYPE_UINT64, FieldDescriptorProto.Label.LABEL_REQUIRED))
				.addField(field("service", 3, FieldDescriptorProto.Type.TYPE_INT32,
						FieldDescriptorProto.Label.LABEL_REQUIRED))
				.addField(field("method", 4, FieldDescriptorProto.Type.TYPE_INT32, FieldDescriptorProto.Label.LABEL_REQUIRED))
				.addField(field("headers", 5, FieldDescriptorProto.Type.TYPE_MESSAGE,
						FieldDescriptorProto.Label.LABEL_REPEATED)
					.setTypeName(".pbbp2.Header"))
				.addField(field("payload_encoding", 6, FieldDescriptorProto.Type.TYPE_STRING,
						FieldDescriptorProto.Label.LABEL_OPTIONAL))
				.addField(field("payload_type", 7, FieldDescriptorProto.Type.TYPE_STRING,
						FieldDescriptorProto.Label.LABEL_OPTIONAL))
				.addField(field("payload", 8, FieldDescriptorProto.Type.TYPE_BYTES,
						FieldDescriptorProto.Label.LABEL_OPTIONAL))
				.addField(field("LogIDNew", 9, FieldDescriptorProto.Type.TYPE_STRING,
						FieldDescriptorProto.Label.LABEL_OPTIONAL)))
			.build();
		try {
			FileDescriptor descriptor = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
			FRAME = descriptor.findMessageTypeByName("Frame");
			HEADER = descriptor.findMessageTypeByName("Header");
		}
		catch (DescriptorValidationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private FrameCodec() {
	}

	private static FieldDescriptorProto.Builder field(String name, int number, FieldDescriptorProto.Type type,
			FieldDescriptorProto.Label label) {
		return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(label);
	}

	/**
	 * Read a frame, refusing one without its required fields.
	 * @param bytes a binary WebSocket message
	 * @return the frame
	 * @throws InvalidProtocolBufferException if it is not a whole frame
	 */
	static DynamicMessage parse(byte[] bytes) throws InvalidProtocolBufferException {
		return DynamicMessage.parseFrom(FRAME, bytes);
	}

	/**
	 * Write a frame.
	 * @param method {@link #CONTROL} or {@link #DATA}
	 * @param service the connection's service id
	 * @param headers its headers, in order
	 * @param payload its payload, if any
	 * @return the frame's bytes
	 */
	static byte[] frame(int method, int service, Map<String, String> headers, byte @Nullable [] payload) {
		DynamicMessage.Builder frame = DynamicMessage.newBuilder(FRAME)
			.setField(FRAME.findFieldByName("SeqID"), 0L)
			.setField(FRAME.findFieldByName("LogID"), 0L)
			.setField(FRAME.findFieldByName("service"), service)
			.setField(FRAME.findFieldByName("method"), method);
		FieldDescriptor headerField = FRAME.findFieldByName("headers");
		headers.forEach((key, value) -> frame.addRepeatedField(headerField, DynamicMessage.newBuilder(HEADER)
			.setField(HEADER.findFieldByName("key"), key)
			.setField(HEADER.findFieldByName("value"), value)
			.build()));
		if (payload != null) {
			frame.setField(FRAME.findFieldByName("payload"), ByteString.copyFrom(payload));
		}
		return frame.build().toByteArray();
	}

	static int method(DynamicMessage frame) {
		return (Integer) frame.getField(FRAME.findFieldByName("method"));
	}

	static int service(DynamicMessage frame) {
		return (Integer) frame.getField(FRAME.findFieldByName("service"));
	}

	static byte[] payload(DynamicMessage frame) {
		return ((ByteString) frame.getField(FRAME.findFieldByName("payload"))).toByteArray();
	}

	/** The first value of a header, or {@code null}. */
	static @Nullable String header(DynamicMessage frame, String key) {
		FieldDescriptor headerField = FRAME.findFieldByName("headers");
		for (int i = 0; i < frame.getRepeatedFieldCount(headerField); i++) {
			DynamicMessage header = (DynamicMessage) frame.getRepeatedField(headerField, i);
			if (key.equals(header.getField(HEADER.findFieldByName("key")))) {
				return (String) header.getField(HEADER.findFieldByName("value"));
			}
		}
		return null;
	}

}
