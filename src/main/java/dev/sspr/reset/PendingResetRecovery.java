package dev.sspr.reset;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
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
	/** Spring's scheduler: the jobs' one thread pool, stopped with the context. */
	private final TaskScheduler scheduler;

	PendingResetRecovery(ResetCompletion completion, @Value("${sspr.reset.recovery-interval:1m}") Duration interval,
			TaskScheduler scheduler) {
		this.completion = completion;
		this.scheduler = scheduler;
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
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				int settled = recoverNow();
				if (settled > 0) {
					log.info("Pending resets settled: {}", settled);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Pending reset recovery failed: {}", ex.getClass().getSimpleName());
			}
		}, scheduler.getClock().instant().plusMillis(millis), Duration.ofMillis(millis));
	}

}
