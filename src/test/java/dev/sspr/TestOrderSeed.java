package dev.sspr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Classes and methods run in a random order (junit-platform.properties). This picks the seed when
 * none was given and prints it, so that a failing order can be replayed with
 * {@code -Djunit.jupiter.execution.order.random.seed=<seed>}; it is written to
 * {@code target/test-order-seed.txt} and recorded in every {@code TEST-*.xml} report.
 */
public class TestOrderSeed implements LauncherDiscoveryListener {

	static final String SEED = "junit.jupiter.execution.order.random.seed";

	@Override
	public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
		synchronized (TestOrderSeed.class) {
			String seed = System.getProperty(SEED);
			if (seed == null || seed.isBlank()) {
				seed = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE);
				System.setProperty(SEED, seed);
				String line = "Test order seed: " + seed + " (replay with -D" + SEED + "=" + seed + ")";
				System.err.println(line);
				try {
					Files.writeString(Path.of("target", "test-order-seed.txt"), line + System.lineSeparator());
				}
				catch (IOException ex) {
					// Still in every TEST-*.xml report's properties.
				}
			}
		}
	}
}
