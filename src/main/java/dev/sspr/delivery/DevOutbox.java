package dev.sspr.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded default's transport: keeps the last messages in memory so that a person can
 * read codes at {@code /dev/outbox}. Exists only in the {@code dev} profile (S-25): it shows every code.
 */
@Component
@Profile("dev")
public final class DevOutbox implements Transport {

	private static final Logger log = LoggerFactory.getLogger(DevOutbox.class);
	private static final int CAPACITY = 200;
	private static final Duration HANDED_OVER = Duration.ofSeconds(5);

	/** A message as the outbox page shows it. */
	public record Entry(Instant at, OutgoingMessage message) {
	}

	private final Deque<Entry> entries = new ArrayDeque<>();
	private final Clock clock;
	private final Dispatchers dispatchers;

	DevOutbox(Clock clock, Dispatchers dispatchers) {
		this.clock = clock;
		this.dispatchers = dispatchers;
		log.warn("Dev outbox is on: messages are kept in memory and shown at /dev/outbox, nothing is delivered");
	}

	@Override
	public boolean handles(Channel channel) {
		return true;
	}

	@Override
	public boolean fallback() {
		return true;
	}

	@Override
	public String deliver(long messageId, OutgoingMessage message) {
		keep(message);
		return "outbox-" + messageId;
	}

	private synchronized void keep(OutgoingMessage message) {
		if (entries.size() == CAPACITY) {
			entries.removeLast();
		}
		entries.addFirst(new Entry(clock.instant(), message));
		log.info("Message kept in the dev outbox: {}", message);
	}

	/**
	 * Newest first, including what was queued just before: delivery runs after the request that
	 * queued it, so this waits a moment for the messages already handed to a dispatcher.
	 */
	public List<Entry> entries() {
		dispatchers.awaitIdle(HANDED_OVER);
		synchronized (this) {
			return List.copyOf(entries);
		}
	}

	public synchronized void clear() {
		entries.clear();
	}
}
