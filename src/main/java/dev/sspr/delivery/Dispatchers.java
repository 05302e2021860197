package dev.sspr.delivery;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The outbox's few delivery threads: a message is handed here after its transaction commits, so a
 * request never waits for a mail server or a provider. The queue is short; a message that does not
 * fit (every thread stuck on a hung server) stays queued in the database for the poller.
 */
@Component
final class Dispatchers {

	/** Enough for a burst of codes; a hung server ties up at most these, never a request thread. */
	static final int THREADS = 4;
	static final int QUEUE = 100;

	private final ThreadPoolExecutor executor;
	private final Object lock = new Object();
	private int pending;

	Dispatchers() {
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
				runnable -> {
					Thread thread = new Thread(runnable, "outbox-dispatch-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		executor.allowCoreThreadTimeOut(true);
	}

	/** @return false when the queue is full or shutting down: the poller will find the message instead */
	boolean submit(Runnable task) {
		synchronized (lock) {
			pending++;
		}
		try {
			executor.execute(() -> {
				try {
					task.run();
				}
				finally {
					done();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			done();
			return false;
		}
	}

	private void done() {
		synchronized (lock) {
			pending--;
			lock.notifyAll();
		}
	}

	/**
	 * Waits until every message handed over so far has been tried (or the wait is over): what was
	 * queued before is then in its transport, as the dev outbox page and shutdown want.
	 *
	 * @return whether nothing is left in hand
	 */
	boolean awaitIdle(Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		synchronized (lock) {
			while (pending > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(lock, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	/** Lets tries in progress finish briefly; what is left stays queued in the database for the next start. */
	@PreDestroy
	void stop() throws InterruptedException {
		executor.shutdown();
		if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
			executor.shutdownNow();
		}
	}
}
