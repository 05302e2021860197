package dev.sspr.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded default's transport: keeps the last messages so that a person can read codes at
 * {@code /dev/outbox}. Exists only in the {@code dev} profile (S-25): it shows every code. The
 * messages live in a dev-only table (db/demo), so that every instance of a cluster shows them all.
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

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Dispatchers dispatchers;

	DevOutbox(JdbcClient jdbc, Clock clock, Dispatchers dispatchers) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.dispatchers = dispatchers;
		log.warn("Dev outbox is on: messages are kept in the database and shown at /dev/outbox, nothing is delivered");
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
		jdbc.sql("insert into dev_outbox_message (kept_at, message) values (?, ?)")
				.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
						Base64.getEncoder().encodeToString(Outbox.encode(message)))
				.update();
		jdbc.sql("delete from dev_outbox_message where id <= (select max(id) from dev_outbox_message) - ?")
				.param(CAPACITY).update();
		log.info("Message kept in the dev outbox: {}", message);
		return "outbox-" + messageId;
	}

	/**
	 * Newest first, including what was queued just before: delivery runs after the request that
	 * queued it, so this waits a moment for the messages already handed to a dispatcher.
	 */
	public List<Entry> entries() {
		dispatchers.awaitIdle(HANDED_OVER);
		return jdbc.sql("select kept_at, message from dev_outbox_message order by id desc fetch first ? rows only")
				.param(CAPACITY)
				.query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(),
						Outbox.decode(Base64.getDecoder().decode(rs.getString(2).getBytes(StandardCharsets.US_ASCII)))))
				.list();
	}

	public void clear() {
		jdbc.sql("delete from dev_outbox_message").update();
	}
}
