package io.github.feishuvc.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The starter's Lua scripts, each read from the class path and hashed once, when the class that runs it is loaded.
 * Spring Data's own scripts do that work where they run, on a Redis client's event loop or a scheduler's thread: one
 * made from its resource reads the resource again each time it runs (to see whether it changed, and to send it whole
 * when Redis does not know it yet), and every one takes a lock to hand out its hash.
 */
final class LuaScripts {

	private LuaScripts() {
	}

	/**
	 * A script of this package, its text read and hashed now.
	 * @param <T> the type of its result
	 * @param name the script's file name beside this class
	 * @param resultType the type of its result
	 * @return the script
	 */
	static <T> RedisScript<T> load(String name, Class<T> resultType) {
		return of(text(name), resultType);
	}

	/**
	 * The text of a script of this package, for one sent whole each time ({@code EVAL}, not {@code EVALSHA}).
	 * @param name the script's file name beside this class
	 * @return the Lua source
	 */
	static String text(String name) {
		ClassPathResource resource = new ClassPathResource(name, LuaScripts.class);
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

	/**
	 * A script given as text, hashed now.
	 * @param <T> the type of its result
	 * @param text the Lua source
	 * @param resultType the type of its result
	 * @return the script
	 */
	static <T> RedisScript<T> of(String text, Class<T> resultType) {
		try {
			byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
			return new Script<>(text, HexFormat.of().formatHex(sha1), resultType);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-1", ex);
		}
	}

	/**
	 * A script as Redis knows it: its text, and the SHA-1 hash that EVALSHA names it by.
	 *
	 * @param <T> the type of its result
	 * @param text the Lua source
	 * @param sha1 the hash of the source, in lower-case hex
	 * @param resultType the type of its result
	 */
	private record Script<T>(String text, String sha1, Class<T> resultType) implements RedisScript<T> {

		@Override
		public String getSha1() {
			return this.sha1;
		}

		@Override
		public Class<T> getResultType() {
			return this.resultType;
		}

		@Override
		public String getScriptAsString() {
			return this.text;
		}

	}

}
