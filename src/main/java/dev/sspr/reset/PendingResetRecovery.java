package dev.sspr.reset;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finishes or releases pending resets nobody holds, every {@code sspr.reset.recovery-interval} (zero:
 * only when {@link #recoverNow()} is called). Safe on every instance at once: each pending row is
 * taken by a conditional update before it is touched, and finished by another, so two instances never
 * settle the same reset twice; no cluster lock is needed.
 */
@Component
class PendingResetRecovery {

	private static final Logger log = LoggerFactory.getLogger(PendingResetRecovery.class);
	private static final int BATCH = 50;

	private final ResetCompletion completion;
	private final Duration interval;
	private ScheduledExecutorService schedule;

	PendingResetRecovery(ResetCompletion completion, @Value("${sspr.reset.recovery-interval:1m}") Duration interval) {
		this.completion = completion;
		this.interval = interval;
	}

	/** Settles what is pending now; how many resets were finished or released. */
	int recoverNow() {
		return completion.recoverPending(BATCH);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long millis = interval.toMillis();
		if (millis <= 0) {
			return;
		}
		schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "reset-recovery");
			thread.setDaemon(true);
			return thread;
		});
		schedule.scheduleWithFixedDelay(() -> {
			try {
				int settled = recoverNow();
				if (settled > 0) {
					log.info("Pending resets settled: {}", settled);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Pending reset recovery failed: {}", ex.getClass().getSimpleName());
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		if (schedule != null) {
			schedule.shutdownNow();
		}
	}
}
