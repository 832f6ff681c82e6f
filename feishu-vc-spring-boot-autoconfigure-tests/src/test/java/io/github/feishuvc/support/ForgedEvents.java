package io.github.feishuvc.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Event bodies as an attacker would make them for an endpoint with an encrypt key: encrypted with the key (to see
 * what an oracle would answer) but with the padding left broken if asked, and signed or not.
 */
public final class ForgedEvents {

	private ForgedEvents() {
	}

	/**
	 * {@code {"encrypt": base64(zero IV + AES-256-CBC(plaintext))}}.
	 * @param encryptKey the app's encrypt key
	 * @param plaintext what to encrypt
	 * @param padded whether to pad it as the platform does (PKCS#7); if not, it must be whole blocks and decrypts to
	 * bad padding unless its last byte happens to be a valid one
	 * @return the body
	 */
	public static byte[] encrypted(String encryptKey, byte[] plaintext, boolean padded) {
		try {
			byte[] iv = new byte[16];
			Cipher cipher = Cipher.getInstance(padded ? "AES/CBC/PKCS5Padding" : "AES/CBC/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sha256(encryptKey.getBytes(StandardCharsets.UTF_8)), "AES"),
					new IvParameterSpec(iv));
			byte[] encrypted = cipher.doFinal(plaintext);
			byte[] data = new byte[iv.length + encrypted.length];
			System.arraycopy(encrypted, 0, data, iv.length, encrypted.length);
			return ("{\"encrypt\":\"" + Base64.getEncoder().encodeToString(data) + "\"}").getBytes(StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The platform's signature: hex SHA-256 of timestamp + nonce + encrypt key + body. */
	public static String signature(String timestamp, String nonce, String encryptKey, byte[] body) {
		byte[] prefix = (timestamp + nonce + encryptKey).getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, content, 0, prefix.length);
		System.arraycopy(body, 0, content, prefix.length, body.length);
		return HexFormat.of().formatHex(sha256(content));
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
