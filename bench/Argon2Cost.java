import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The CPU time of one Argon2id hash with the portal's settings (m=16384 KiB, t=2, p=1), on this
 * machine and under its present load: the work a reset cannot avoid, to read the journeys' CPU
 * against. Run with the portal's own BouncyCastle: {@code java -cp bcprov.jar bench/Argon2Cost.java}.
 */
public class Argon2Cost {

	public static void main(String[] args) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		byte[] salt = "sixteen byte salt".substring(0, 16).getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 10; i++) {
			hash(salt);
		}
		int rounds = 20;
		long cpu = threads.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			hash(salt);
		}
		System.out.printf("one Argon2id hash (m=16384, t=2, p=1): %.1f ms of CPU, %.1f ms of wall time%n",
				(threads.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds, (System.nanoTime() - wall) / 1e6 / rounds);
	}

	static byte[] hash(byte[] salt) {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt).withParallelism(1)
				.withMemoryAsKB(16384).withIterations(2).build());
		byte[] out = new byte[32];
		generator.generateBytes("Fabrikam#Demo-2026".getBytes(StandardCharsets.UTF_8), out);
		return out;
	}
}
