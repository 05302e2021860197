package dev.sspr.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The portal's Argon2id for passwords and security answers: Spring Security's settings and
 * stored format ({@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}), computed with BouncyCastle as
 * Spring's encoder does, with two differences that keep a crowd from costing more than its hashes.
 * At most one hash per core runs at a time: each fills 16 MiB, and hashes beyond the cores only share
 * them. And the 16 MiB of blocks are reused from one hash to the next (BouncyCastle's block pool):
 * allocated afresh, they outlived young collections mid-hash and filled the old generation, so that
 * full collections cost as much CPU as the hashes under 16 concurrent users.
 */
public final class Argon2 implements PasswordEncoder {

	/** Spring Security's current Argon2id settings (m=16384, t=2, p=1), as every stored hash has. */
	public static final PasswordEncoder ENCODER = new Argon2(Runtime.getRuntime().availableProcessors());

	private static final int SALT_LENGTH = 16;
	private static final int HASH_LENGTH = 32;
	private static final int MEMORY_KIB = 1 << 14;
	private static final int ITERATIONS = 2;
	private static final int PARALLELISM = 1;
	private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
	private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

	private final Semaphore turns;
	private final Hashing hashing;
	private final Argon2BytesGenerator.BlockPool blocks;
	private final SecureRandom random = new SecureRandom();

	Argon2(int atOnce) {
		this(atOnce, Argon2::hash);
	}

	Argon2(int atOnce, Hashing hashing) {
		this.turns = new Semaphore(atOnce);
		this.hashing = hashing;
		// One 1 KiB block per KiB of memory; enough kept for every hash that may run at once.
		this.blocks = new Argon2BytesGenerator.FixedBlockPool(atOnce * MEMORY_KIB);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		byte[] salt = new byte[SALT_LENGTH];
		random.nextBytes(salt);
		Argon2Parameters parameters = parameters(Argon2Parameters.ARGON2_VERSION_13, salt, MEMORY_KIB, ITERATIONS,
				PARALLELISM);
		byte[] hash = inTurn(() -> hashing.hash(parameters, rawPassword, HASH_LENGTH));
		return "$argon2id$v=" + parameters.getVersion() + "$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
				+ "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		Stored stored = Stored.parse(encodedPassword);
		if (stored == null) {
			return false;
		}
		byte[] hash = inTurn(() -> hashing.hash(parameters(stored.version(), stored.salt(), stored.memory(), stored.iterations(),
				stored.parallelism()), rawPassword, stored.hash().length));
		return MessageDigest.isEqual(hash, stored.hash());
	}

	/** The hash itself; a seam for the test of the turns. */
	@FunctionalInterface
	interface Hashing {
		byte[] hash(Argon2Parameters parameters, CharSequence rawPassword, int length);
	}

	/** Hashes waiting for a turn, for tests. */
	int waiting() {
		return turns.getQueueLength();
	}

	private Argon2Parameters parameters(int version, byte[] salt, int memory, int iterations, int parallelism) {
		return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(version).withSalt(salt)
				.withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism).withBlockPool(blocks)
				.build();
	}

	private static byte[] hash(Argon2Parameters parameters, CharSequence rawPassword, int length) {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] out = new byte[length];
		generator.generateBytes(rawPassword.toString().getBytes(StandardCharsets.UTF_8), out);
		return out;
	}

	private <T> T inTurn(Supplier<T> hash) {
		turns.acquireUninterruptibly();
		try {
			return hash.get();
		}
		finally {
			turns.release();
		}
	}

	/** A stored Argon2id hash in Spring Security's format; null when it is not one. */
	private record Stored(int version, int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {

		static Stored parse(String encoded) {
			if (encoded == null) {
				return null;
			}
			String[] parts = encoded.split("\\$");
			try {
				// "", "argon2id", ["v=19",] "m=..,t=..,p=..", salt, hash; without a version it is 1.0 (0x10).
				if (parts.length < 5 || !parts[0].isEmpty() || !"argon2id".equals(parts[1])) {
					return null;
				}
				int at = 2;
				int version = Argon2Parameters.ARGON2_VERSION_10;
				if (parts[at].startsWith("v=")) {
					version = Integer.parseInt(parts[at].substring(2));
					at++;
				}
				if (parts.length != at + 3) {
					return null;
				}
				int memory = 0;
				int iterations = 0;
				int parallelism = 0;
				for (String setting : parts[at].split(",")) {
					int value = Integer.parseInt(setting.substring(2));
					switch (setting.substring(0, 2)) {
						case "m=" -> memory = value;
						case "t=" -> iterations = value;
						case "p=" -> parallelism = value;
						default -> {
							return null;
						}
					}
				}
				if (memory <= 0 || iterations <= 0 || parallelism <= 0) {
					return null;
				}
				return new Stored(version, memory, iterations, parallelism, B64_DECODER.decode(parts[at + 1]),
						B64_DECODER.decode(parts[at + 2]));
			}
			catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
				// Not a hash this encoder wrote (or Spring's): no match, and nothing worth a stack trace.
				return null;
			}
		}
	}
}
