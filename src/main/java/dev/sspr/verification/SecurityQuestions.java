package dev.sspr.verification;

import dev.sspr.directory.Argon2;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Security questions: the user's registered ones, picking which to ask, and checking answers. */
@Service
public class SecurityQuestions {

	/** Answers are stored as Argon2id hashes of the normalized answer (R-71, S-23). */
	static final PasswordEncoder ENCODER = Argon2.ENCODER;

	/** A question and answer to register: a predefined key or a custom question id. */
	public record NewAnswer(String predefinedKey, Long customQuestionId, String answer) {

		@Override
		public String toString() {
			return "NewAnswer[" + (predefinedKey != null ? predefinedKey : "custom " + customQuestionId) + "]";
		}
	}

	private final JdbcClient jdbc;
	private final FailureLedger failures;
	private final SecureRandom random = new SecureRandom();

	SecurityQuestions(JdbcClient jdbc, FailureLedger failures) {
		this.jdbc = jdbc;
		this.failures = failures;
	}

	@Transactional(readOnly = true)
	public List<AskedQuestion> registered(long userPk) {
		return jdbc.sql("""
				select a.id, a.question_key, c.text from security_answer a
				left join custom_question c on c.id = a.custom_question_id
				where a.user_id = ? order by a.id""")
				.param(userPk)
				.query((rs, n) -> new AskedQuestion(rs.getLong(1), rs.getString(2), rs.getString(3)))
				.list();
	}

	/** Draws {@code count} of the user's registered questions at random. */
	public List<AskedQuestion> pick(long userPk, int count) {
		List<AskedQuestion> all = new ArrayList<>(registered(userPk));
		Collections.shuffle(all, random);
		return List.copyOf(all.subList(0, Math.min(count, all.size())));
	}

	/**
	 * Checks answers to the questions asked, all of them, so that timing does not say which was
	 * wrong. One wrong answer fails the whole set and counts as one failure of the account.
	 */
	@Transactional
	public Check check(long userPk, List<AskedQuestion> asked, List<String> answers) {
		if (failures.isBlocked(userPk)) {
			return Check.BLOCKED;
		}
		Map<Long, String> hashes = jdbc.sql("select id, answer_hash from security_answer where user_id = ?")
				.param(userPk)
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
				.list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		boolean allRight = asked.size() == answers.size() && !asked.isEmpty();
		for (int i = 0; i < asked.size(); i++) {
			String hash = hashes.get(asked.get(i).answerId());
			String answer = i < answers.size() && answers.get(i) != null ? answers.get(i) : "";
			boolean right = hash != null && ENCODER.matches(Answers.normalize(answer), hash);
			allRight &= right;
		}
		if (allRight) {
			return Check.VALID;
		}
		return failures.recordFailure(userPk) ? Check.BLOCKED : Check.INVALID;
	}

	/** Replaces the user's answers (registration; the demo data and tests use it too). */
	@Transactional
	public void register(long userPk, List<NewAnswer> answers) {
		jdbc.sql("delete from security_answer where user_id = ?").param(userPk).update();
		for (NewAnswer answer : answers) {
			jdbc.sql("insert into security_answer (user_id, question_key, custom_question_id, answer_hash) values (?, ?, ?, ?)")
					.params(userPk, answer.predefinedKey(), answer.customQuestionId(),
							ENCODER.encode(Answers.normalize(answer.answer())))
					.update();
		}
	}

	@Transactional(readOnly = true)
	public int count(long userPk) {
		return jdbc.sql("select count(*) from security_answer where user_id = ?").param(userPk).query(Integer.class).single();
	}

	/**
	 * How many answers each user of a tenant has registered, not counting answers to the custom
	 * questions in {@code dropped} (which a pending policy change would delete).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> countsInTenant(long tenantId, Set<Long> dropped) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select a.user_id, a.custom_question_id from security_answer a
				join directory_user u on u.id = a.user_id where u.tenant_id = ?""")
				.param(tenantId)
				.query(rs -> {
					long custom = rs.getLong(2);
					if (rs.wasNull() || !dropped.contains(custom)) {
						counts.merge(rs.getLong(1), 1, Integer::sum);
					}
				});
		return counts;
	}
}
