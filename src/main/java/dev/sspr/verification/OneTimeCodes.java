package dev.sspr.verification;

import dev.sspr.delivery.MessageComposer;
import dev.sspr.delivery.MessageSender;
import dev.sspr.policy.MethodKind;
import dev.sspr.secrets.Keys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes by email, text and voice (S-20, S-21): random digits from {@link SecureRandom},
 * stored only as an HMAC bound to the flow and method, single use, short-lived, a few tries each;
 * a new code replaces the previous one. How a code travels is the verifier's ({@link CodeDelivery});
 * the send limits are in {@link CodeSendLimits}; calls that ask for # instead are {@link ApprovalCalls}.
 */
@Service
public class OneTimeCodes {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final VerificationProperties properties;
	private final FailureLedger failures;
	private final CodeSendLimits limits;
	private final MessageSender sender;
	private final MessageComposer composer;
	private final SecureRandom random = new SecureRandom();
	private final SecretKeySpec hmacKey;

	OneTimeCodes(JdbcClient jdbc, Clock clock, VerificationProperties properties, FailureLedger failures,
			CodeSendLimits limits, MessageSender sender, MessageComposer composer, Keys keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.failures = failures;
		this.limits = limits;
		this.sender = sender;
		this.composer = composer;
		this.hmacKey = new SecretKeySpec(keys.key(Keys.Key.CODES), "HmacSHA256");
	}

	/**
	 * Sends a fresh code the way its method delivers it, unless a send limit says no; the caller shows
	 * the same page either way.
	 */
	@Transactional
	SendOutcome send(CodeRequest request, CodeDelivery delivery) {
		SendOutcome admitted = limits.admit(request, delivery);
		if (admitted.suppressed()) {
			return admitted;
		}
		Instant now = clock.instant();
		Duration lifetime = delivery.lifetime(properties);
		String code = newCode();
		jdbc.sql("update one_time_code set closed = true where flow_id = ? and method = ? and closed = false")
				.params(request.flowId(), request.method().name()).update();
		jdbc.sql("""
				insert into one_time_code (flow_id, user_id, method, code_hash, created_at, expires_at, attempts, closed)
				values (?, ?, ?, ?, ?, ?, 0, false)""")
				.params(request.flowId(), request.userPk(), request.method().name(),
						hash(request.flowId(), request.method(), code), FailureLedger.utc(now),
						FailureLedger.utc(now.plus(lifetime)))
				.update();
		// Queued in this transaction, with the code's hash: both or neither (the outbox delivers after commit).
		sender.send(composer.verificationCode(delivery.channel(), request.destination(), code, request.tenantId(),
				request.tenantName(), lifetime, request.locale()).replacing(request.flowId()));
		return SendOutcome.SENT;
	}

	/** Checks a code typed for this flow and method. A wrong code counts against the account. */
	@Transactional
	Check check(String flowId, long userPk, MethodKind method, String typed) {
		return check(flowId, userPk, method, typed, true);
	}

	/**
	 * Checks a code that proves a new destination during registration. A wrong one uses up the code's
	 * tries but does not count against the account, whose resets it must not block (S-10 is about resets).
	 */
	@Transactional
	Check checkRegistration(String flowId, long userPk, MethodKind method, String typed) {
		return check(flowId, userPk, method, typed, false);
	}

	/**
	 * The typed code against every code issued to this flow and method, newest first. Only the newest
	 * can be live. A code that matches an older one (replaced by a resend) or the newest after it
	 * expired or ran out of tries was received, so it is not a failed proof. Anything else is wrong,
	 * and counts, whether or not a code went out at all: a suppressed send reads like a sent one (S-11).
	 */
	private Check check(String flowId, long userPk, MethodKind method, String typed, boolean countAgainstAccount) {
		if (countAgainstAccount && failures.isBlocked(userPk)) {
			return Check.BLOCKED;
		}
		Instant now = clock.instant();
		List<IssuedCode> issued = jdbc.sql("""
				select id, code_hash, closed, expires_at from one_time_code
				where flow_id = ? and method = ? and user_id = ? order by id desc""")
				.params(flowId, method.name(), userPk)
				.query((rs, n) -> new IssuedCode(rs.getLong(1), rs.getString(2),
						!rs.getBoolean(3) && rs.getObject(4, OffsetDateTime.class).toInstant().isAfter(now)))
				.list();
		byte[] hash = hash(flowId, method, typed).getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < issued.size(); i++) {
			IssuedCode code = issued.get(i);
			if (MessageDigest.isEqual(code.hash().getBytes(StandardCharsets.US_ASCII), hash)) {
				if (code.live()) {
					// Guarded: of two checks at once (a double submit), one uses the code up.
					int used = jdbc.sql("update one_time_code set closed = true where id = ? and closed = false")
							.param(code.id()).update();
					return used == 1 ? Check.VALID : Check.EXPIRED;
				}
				return i == 0 ? Check.EXPIRED : Check.REPLACED;
			}
		}
		issued.stream().findFirst().filter(IssuedCode::live).ifPresent(code -> jdbc.sql("""
				update one_time_code set attempts = attempts + 1, closed = (attempts + 1 >= ?)
				where id = ? and closed = false""").params(properties.maxCodeAttempts(), code.id()).update());
		return countAgainstAccount && failures.recordFailure(userPk) ? Check.BLOCKED : Check.INVALID;
	}

	/** Closes every open code of the user, after a reset (S-50). */
	@Transactional
	public void closeAll(long userPk) {
		jdbc.sql("update one_time_code set closed = true where user_id = ? and closed = false").param(userPk).update();
	}

	private String newCode() {
		long bound = (long) Math.pow(10, properties.codeLength());
		long value = random.nextLong(bound);
		return String.format("%0" + properties.codeLength() + "d", value);
	}

	private String hash(String flowId, MethodKind method, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hmacKey);
			mac.update((flowId + '|' + method.name() + '|').getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(code.strip().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private record IssuedCode(long id, String hash, boolean live) {
	}
}
