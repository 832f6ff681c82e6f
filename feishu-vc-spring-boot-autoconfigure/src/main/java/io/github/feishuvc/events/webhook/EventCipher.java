package io.github.feishuvc.events.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The platform's event encryption and signature, for an app with an Encrypt Key: the body is
 * {@code {"encrypt": base64(iv + AES-256-CBC(json))}} with the SHA-256 of the key as AES key, the first 16 bytes as
 * IV and PKCS#7 padding; {@code X-Lark-Signature} is the hex SHA-256 of timestamp + nonce + key + raw body.
 */
final class EventCipher {

	private static final int IV_LENGTH = 16;

	private final SecretKeySpec key;

	private final byte[] encryptKey;

	EventCipher(String encryptKey) {
		this.encryptKey = encryptKey.getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(sha256(this.encryptKey), "AES");
	}

	/**
	 * Decrypt the {@code encrypt} field of an event.
	 * @throws GeneralSecurityException if it is not base64 of an IV and whole AES blocks, or its padding is wrong
	 */
	byte[] decrypt(String encrypted) throws GeneralSecurityException {
		byte[] data;
		try {
			data = Base64.getDecoder().decode(encrypted.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new GeneralSecurityException("not base64", ex);
		}
		if (data.length <= IV_LENGTH || (data.length - IV_LENGTH) % IV_LENGTH != 0) {
			throw new GeneralSecurityException("not an IV followed by whole AES blocks");
		}
		Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
		cipher.init(Cipher.DECRYPT_MODE, this.key, new IvParameterSpec(data, 0, IV_LENGTH));
		return cipher.doFinal(data, IV_LENGTH, data.length - IV_LENGTH);
	}

	/** Whether a signature is the platform's for this request; compared in constant time. */
	boolean verify(String timestamp, String nonce, byte[] body, String signature) {
		byte[] expected = sign(timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}

	/** The platform's signature of a request: hex SHA-256 of timestamp + nonce + encrypt key + raw body. */
	String sign(String timestamp, String nonce, byte[] body) {
		MessageDigest digest = newSha256();
		digest.update(timestamp.getBytes(StandardCharsets.UTF_8));
		digest.update(nonce.getBytes(StandardCharsets.UTF_8));
		digest.update(this.encryptKey);
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static byte[] sha256(byte[] value) {
		return newSha256().digest(value);
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/** Never shows the key. */
	@Override
	public String toString() {
		return "EventCipher[key=[masked]]";
	}

}
