package dev.sspr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.PortalTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job lock on the embedded database: a job runs once per interval, however often it is triggered. */
@PortalTest
class OncePerClusterTests {

	@Autowired
	OncePerCluster cluster;

	@Test
	void whenTriggeredAgainWithinTheIntervalThenSkipped() {
		String job = "test-" + UUID.randomUUID();
		AtomicInteger runs = new AtomicInteger();

		assertThat(cluster.run(job, Duration.ofHours(1), runs::incrementAndGet)).isEqualTo(1);
		assertThat(cluster.run(job, Duration.ofHours(1), runs::incrementAndGet)).isNull();
		assertThat(runs).hasValue(1);
	}

	@Test
	void whenTheIntervalIsZeroThenTheLockOnlyKeepsRunsApart() {
		String job = "test-" + UUID.randomUUID();
		AtomicInteger runs = new AtomicInteger();

		cluster.run(job, Duration.ZERO, runs::incrementAndGet);
		cluster.run(job, Duration.ZERO, runs::incrementAndGet);

		assertThat(runs).hasValue(2);
	}

	@Test
	void whenAJobRunsThenAnotherTriggerMeanwhileIsSkipped() throws Exception {
		String job = "test-" + UUID.randomUUID();

		// The second trigger comes from another thread (as from another instance) while the first job runs.
		Object inner = cluster.run(job, Duration.ZERO, () -> {
			try {
				return CompletableFuture.supplyAsync(() -> cluster.run(job, Duration.ZERO, () -> "also ran"))
						.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(inner).as("the lock is held while the job runs").isNull();
	}
}
