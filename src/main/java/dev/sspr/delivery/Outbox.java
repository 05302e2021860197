package dev.sspr.delivery;

import dev.sspr.secrets.Keys;
import dev.sspr.secrets.MissingSettingException;
import dev.sspr.secrets.Sealing;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: {@link #send} writes the message, sealed, in the caller's
 * transaction, so a code and its message are saved together or not at all, and delivery starts on
 * one of the {@link Dispatchers} once that transaction commits, never on the request thread and
 * with no database connection held while a transport talks to its server. A message is claimed
 * before it is handed on and marked sent right after, so retries, several dispatchers and a restart
 * deliver it once (a claim outlasts every transport's timeouts); a failed try waits longer each
 * time, and after {@code max-attempts} the message is given up. A message that replaces earlier ones
 * of its flow (a new code) cancels those not yet sent and waits while one is in flight, so a replaced
 * code never arrives after its successor. Only metadata is logged.
 */
@Component
public class Outbox implements MessageSender {

	/** Where a message stands. */
	public enum Status { PENDING, SENT, FAILED, SUPERSEDED }

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);
	/**
	 * How long a claim holds: longer than any transport's timeouts (SMTP's connect + write + answer,
	 * the provider's connect + request), so that no second try starts while a slow one may still succeed.
	 */
	static final Duration CLAIM = Duration.ofMinutes(2);
	private static final int BATCH = 50;

	private final JdbcClient jdbc;
	private final List<Transport> transports;
	private final DeliveryProperties properties;
	private final Clock clock;
	private final Sealing sealing;
	private final Dispatchers dispatchers;
	/** Spring's scheduler: the jobs' one thread pool, stopped with the context. */
	private final TaskScheduler scheduler;

	Outbox(JdbcClient jdbc, List<Transport> transports, DeliveryProperties properties, Clock clock, Keys keys,
			Dispatchers dispatchers, TaskScheduler scheduler) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.dispatchers = dispatchers;
		this.transports = transports.stream().sorted((a, b) -> Boolean.compare(a.fallback(), b.fallback())).toList();
		this.properties = properties;
		this.clock = clock;
		this.sealing = new Sealing(keys.key(Keys.Key.OUTBOX));
		// Without a way to deliver codes the portal would be useless: refuse to start, and say why.
		List<String> missing = EnumSet.allOf(Channel.class).stream()
				.filter(channel -> this.transports.stream().noneMatch(t -> t.handles(channel)))
				.map(channel -> "a transport for " + channel + " messages").toList();
		if (!missing.isEmpty()) {
			throw new MissingSettingException(missing, "Set spring.mail.host (and its port, user and password) for "
					+ "email, and sspr.delivery.provider.base-url, .account-id, .token and .from-number for texts and calls. "
					+ "To try the portal on one machine without them, run the dev profile (./mvnw spring-boot:run).");
		}
	}

	/**
	 * Queues the message in the current transaction (or a transaction of its own, so that the row and
	 * its sealed content appear together); delivery starts when it commits.
	 */
	@Override
	@Transactional
	public void send(OutgoingMessage message) {
		Instant now = clock.instant();
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into outbound_message (created_at, channel, masked_to, correlation, supersedes, status, next_attempt_at)
				values (?, ?, ?, ?, ?, 'PENDING', ?)""")
				.params(utc(now), message.channel().name(), masked(message), message.correlation(),
						message.replacesEarlier() && message.correlation() != null, utc(now))
				.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("update outbound_message set sealed = ? where id = ?").params(sealing.seal(encode(message), context(id)), id)
				.update();
		log.info("Message {} queued: {} to {}", id, message.channel(), masked(message));
		if (message.replacesEarlier() && message.correlation() != null) {
			int replaced = supersede(message.correlation(), now);
			if (replaced > 0) {
				log.info("Message {} replaces {} earlier message(s) not yet sent", id, replaced);
			}
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					handOff(id);
				}
			});
		}
		else {
			handOff(id);
		}
	}

	/** After commit, on a dispatcher thread; when all are busy the poller finds the message instead. */
	private void handOff(long id) {
		if (!dispatchers.submit(() -> dispatchQuietly(id))) {
			log.info("Message {}: dispatchers busy, left for the poller", id);
		}
	}

	/**
	 * Cancels the messages of a flow that a newer one replaces and that no dispatcher holds; one in
	 * flight is left to finish (its successor waits for it).
	 */
	private int supersede(String correlation, Instant now) {
		return jdbc.sql("""
				update outbound_message m set status = 'SUPERSEDED', sealed = null, finished_at = ?
				where m.correlation = ? and m.supersedes = true and m.status = 'PENDING'
				and (m.claimed_until is null or m.claimed_until < ?)
				and exists (select 1 from outbound_message n where n.correlation = m.correlation and n.supersedes = true
				and n.id > m.id)""")
				.params(utc(now), correlation, utc(now)).update();
	}

	/**
	 * Waits (at most {@code wait}) until the messages handed to this instance's dispatchers have been
	 * tried: for a caller that must see the outcome of what it just queued.
	 *
	 * @return whether nothing is left in hand
	 */
	public boolean awaitDispatched(Duration wait) {
		return dispatchers.awaitIdle(wait);
	}

	/**
	 * Whether delivery gave up on the newest message of a flow: the page that said "sent" says so too.
	 * A replaced message is not a failure.
	 */
	public boolean gaveUp(String correlation) {
		return statusOf(correlation).filter(status -> status == Status.FAILED).isPresent();
	}

	/** The newest message of a flow (or anything else a message is correlated with). */
	public Optional<Status> statusOf(String correlation) {
		return jdbc.sql("select status from outbound_message where correlation = ? order by id desc fetch first 1 rows only")
				.param(correlation).query(String.class).optional().map(Status::valueOf);
	}

	/** Tries every message that is due: the schedule's work, and what a restart picks up. */
	public int dispatchDue() {
		Instant now = clock.instant();
		// Replaced messages whose try was in flight when their successor was queued, and have failed since.
		jdbc.sql("""
				update outbound_message m set status = 'SUPERSEDED', sealed = null, finished_at = ?
				where m.supersedes = true and m.status = 'PENDING' and (m.claimed_until is null or m.claimed_until < ?)
				and exists (select 1 from outbound_message n where n.correlation = m.correlation and n.supersedes = true
				and n.id > m.id)""")
				.params(utc(now), utc(now)).update();
		List<Long> due = jdbc.sql("""
				select id from outbound_message where status = 'PENDING' and next_attempt_at <= ?
				and (claimed_until is null or claimed_until < ?) order by id fetch first ? rows only""")
				.params(utc(now), utc(now), BATCH).query(Long.class).list();
		due.forEach(this::dispatch);
		return due.size();
	}

	private void dispatchQuietly(long id) {
		try {
			dispatch(id);
		}
		catch (RuntimeException ex) {
			// The database, most likely: the message stays queued and the poller tries it again.
			log.warn("Message {}: dispatch failed ({}), left for the poller", id, ex.getClass().getSimpleName());
		}
	}

	/**
	 * Claims the message, hands it on and records the outcome; a message someone else holds is left
	 * alone, and so is one replaced by a newer message of its flow or whose predecessor is in flight.
	 * Each statement runs on its own (no transaction), so no connection is held during delivery.
	 */
	void dispatch(long id) {
		Instant now = clock.instant();
		int claimed = jdbc.sql("""
				update outbound_message m set claimed_until = ? where m.id = ? and m.status = 'PENDING'
				and m.sealed is not null and m.next_attempt_at <= ? and (m.claimed_until is null or m.claimed_until < ?)
				and not exists (select 1 from outbound_message o where m.supersedes = true and o.supersedes = true
				and o.correlation = m.correlation and o.id <> m.id
				and (o.id > m.id or (o.status = 'PENDING' and o.claimed_until >= ?)))""")
				.params(utc(now.plus(CLAIM)), id, utc(now), utc(now), utc(now)).update();
		if (claimed == 0) {
			return;
		}
		Row row = jdbc.sql("""
				select channel, masked_to, sealed, attempts, correlation, supersedes from outbound_message where id = ?""")
				.param(id)
				.query((rs, n) -> new Row(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getString(5), rs.getBoolean(6)))
				.single();
		try {
			deliver(id, row);
		}
		finally {
			if (row.supersedes()) {
				followUp(id, row.correlation());
			}
		}
	}

	/** The successor that waited while this message was in flight goes next, not at the next poll. */
	private void followUp(long id, String correlation) {
		jdbc.sql("""
				select id from outbound_message where correlation = ? and supersedes = true and status = 'PENDING'
				and id > ? order by id desc fetch first 1 rows only""")
				.params(correlation, id).query(Long.class).optional().ifPresent(this::dispatch);
	}

	private void deliver(long id, Row row) {
		int attempt = row.attempts() + 1;
		try {
			OutgoingMessage message = decode(sealing.open(row.sealed(), context(id)));
			Transport transport = transports.stream().filter(t -> t.handles(row.channel())).findFirst().orElseThrow();
			String providerId = transport.deliver(id, message);
			jdbc.sql("""
					update outbound_message set status = 'SENT', sealed = null, attempts = ?, finished_at = ?,
					provider_id = ?, claimed_until = null, last_error = null where id = ?""")
					.params(attempt, utc(clock.instant()), truncate(providerId, 200), id).update();
			log.info("Message {} {} to {}: sent (attempt {})", id, row.channel(), row.maskedTo(), attempt);
		}
		catch (Transport.DeliveryException ex) {
			boolean giveUp = ex.permanent() || attempt >= properties.maxAttempts();
			if (giveUp) {
				jdbc.sql("""
						update outbound_message set status = 'FAILED', sealed = null, attempts = ?, finished_at = ?,
						claimed_until = null, last_error = ? where id = ?""")
						.params(attempt, utc(clock.instant()), truncate(ex.getMessage(), 200), id).update();
				log.warn("Message {} {} to {}: failed for good ({}, attempt {})", id, row.channel(), row.maskedTo(),
						ex.getMessage(), attempt);
			}
			else {
				Duration wait = properties.firstRetry().multipliedBy((long) Math.pow(4, attempt - 1));
				jdbc.sql("""
						update outbound_message set attempts = ?, next_attempt_at = ?, claimed_until = null, last_error = ?
						where id = ?""")
						.params(attempt, utc(clock.instant().plus(wait)), truncate(ex.getMessage(), 200), id).update();
				log.warn("Message {} {} to {}: not delivered ({}, attempt {}), next try in {} s", id, row.channel(),
						row.maskedTo(), ex.getMessage(), attempt, wait.toSeconds());
			}
		}
		catch (RuntimeException ex) {
			// Our own fault (a broken seal, say): the claim runs out and the schedule tries again.
			log.error("Message {} {} to {}: could not be handed on ({})", id, row.channel(), row.maskedTo(),
					ex.getClass().getSimpleName());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = properties.pollInterval().toMillis();
		if (interval <= 0) {
			return;
		}
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				dispatchDue();
			}
			catch (RuntimeException ex) {
				log.error("Outbox dispatch failed: {}", ex.getClass().getSimpleName());
			}
		}, scheduler.getClock().instant().plusMillis(interval), Duration.ofMillis(interval));
	}

	@PreDestroy
	void stop() throws InterruptedException {
		dispatchers.stop();
	}

	private record Row(Channel channel, String maskedTo, String sealed, int attempts, String correlation,
			boolean supersedes) {
	}

	private static String context(long id) {
		return "outbox:" + id;
	}

	private static String masked(OutgoingMessage message) {
		return truncate(Masking.mask(message.channel(), message.destination()), 400);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	static byte[] encode(OutgoingMessage message) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeUTF(message.channel().name());
			for (String field : new String[] { message.destination(), message.subject(), message.body(), message.html(),
					message.from(), message.correlation(), message.tenantId() == null ? null : message.tenantId().toString(),
					message.callbackUrl() }) {
				out.writeBoolean(field != null);
				if (field != null) {
					byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
					out.writeInt(utf8.length);
					out.write(utf8);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static OutgoingMessage decode(byte[] encoded) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
			Channel channel = Channel.valueOf(in.readUTF());
			String[] fields = new String[8];
			for (int i = 0; i < fields.length; i++) {
				if (in.readBoolean()) {
					byte[] utf8 = new byte[in.readInt()];
					in.readFully(utf8);
					fields[i] = new String(utf8, StandardCharsets.UTF_8);
				}
			}
			return new OutgoingMessage(channel, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
					fields[6] == null ? null : Long.valueOf(fields[6]), fields[7]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
