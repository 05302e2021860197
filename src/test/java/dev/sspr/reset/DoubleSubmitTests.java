package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.TestUsers;
import dev.sspr.delivery.Masking;
import dev.sspr.directory.Directory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A proven flow completes exactly once (S-50): the new password posted twice, at the same moment
 * or from a stale copy of the session, writes once, audits once and notifies once; the second
 * submit lands on the Done page.
 */
class DoubleSubmitTests extends ResetWebTestSupport {

	static final int AT_ONCE = 4;

	@Autowired
	Directory directory;

	String fabrikamUser(String email, boolean locked) {
		TestUsers users = TestUsers.in(jdbc).fabrikam().withEmail(email);
		return (locked ? users.locked() : users).create();
	}

	MockJourney proven(String userId, String email) throws Exception {
		MockJourney journey = journey("en-US");
		journey.identify(userId);
		journey.chooseMethod("email");
		journey.confirmDestination(email);
		assertThat(journey.enterCode(journey.lastCode()).getResponse().getRedirectedUrl()).isEqualTo("/reset/password");
		return journey;
	}

	long lastMessage() {
		return jdbc.sql("select coalesce(max(id), 0) from outbound_message").query(Long.class).single();
	}

	/** Messages queued since then, by masked destination (read from the outbox table: delivery may lag). */
	List<String> queuedSince(long id) {
		return jdbc.sql("select masked_to from outbound_message where id > ?").param(id).query(String.class).list();
	}

	long audited(String flowId, String kind) {
		return jdbc.sql("select count(*) from audit_record where flow_id = ? and event_type = ?").params(flowId, kind)
				.query(Long.class).single();
	}

	long audited(String userId, String kind, String outcome) {
		return jdbc.sql("select count(*) from audit_record where subject = ? and event_type = ? and outcome = ?")
				.params(userId, kind, outcome).query(Long.class).single();
	}

	/** Runs task number 0 to {@link #AT_ONCE} - 1 at the same moment, each on a thread of its own. */
	static <T> List<T> atOnce(IntFunction<Callable<T>> post) throws Exception {
		return dev.sspr.AtOnce.run(AT_ONCE, post);
	}

	static String passwordNo(int n) {
		return "Orbit-Maple-Tundra-" + (40 + n);
	}

	@Test
	void whenTheNewPasswordIsPostedSeveralTimesAtOnceThenTheFlowCompletesOnce() throws Exception {
		String email = "double.submit@pasts.example";
		String userId = fabrikamUser(email, false);
		MockJourney journey = proven(userId, email);
		String flowId = journey.flow().id();
		long before = lastMessage();

		List<MvcResult> results = atOnce(i -> () -> journey.newPassword(passwordNo(i), passwordNo(i)));

		assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/reset/done"));
		assertThat(audited(flowId, "PASSWORD_RESET")).isEqualTo(1);
		// One set of notices: the primary and the alternate address, once each.
		assertThat(queuedSince(before)).containsExactlyInAnyOrder(Masking.maskEmail(userId), Masking.maskEmail(email));
		List<Integer> working = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			if (directory.passwordMatches(userId, passwordNo(i))) {
				working.add(i);
			}
		}
		assertThat(working).hasSize(1);
		assertThat(ResetControllerTests.body(journey.getPage("/reset/done"))).contains("Your password has been reset");
	}

	@Test
	void whenUnlockOnlyAndANewPasswordArePostedAtOnceThenTheFlowCompletesOnce() throws Exception {
		String email = "double.unlock@pasts.example";
		String userId = fabrikamUser(email, true);
		MockJourney journey = proven(userId, email);
		String flowId = journey.flow().id();

		List<MvcResult> results = atOnce(i -> i % 2 == 0 ? journey::unlockOnly
				: () -> journey.newPassword(passwordNo(i), passwordNo(i)));

		assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/reset/done"));
		assertThat(audited(flowId, "PASSWORD_RESET") + audited(flowId, "ACCOUNT_UNLOCKED")).isEqualTo(1);
		assertThat(directory.findUser(userId).orElseThrow().locked()).isFalse();
	}

	@Test
	void whenAStaleCopyOfTheFlowPostsAgainThenItLandsOnDoneAndNothingIsWrittenTwice() throws Exception {
		String email = "stale.copy@pasts.example";
		String userId = fabrikamUser(email, true);
		MockJourney journey = proven(userId, email);
		MockJourney staleTab = journey.twin();
		String flowId = journey.flow().id();
		long before = lastMessage();

		assertThat(journey.newPassword(passwordNo(1), passwordNo(1)).getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(staleTab.newPassword(passwordNo(2), passwordNo(2)).getResponse().getRedirectedUrl()).isEqualTo("/reset/done");
		assertThat(staleTab.unlockOnly().getResponse().getRedirectedUrl()).isEqualTo("/reset/done");

		assertThat(directory.passwordMatches(userId, passwordNo(1))).isTrue();
		assertThat(audited(flowId, "PASSWORD_RESET")).isEqualTo(1);
		assertThat(audited(flowId, "ACCOUNT_UNLOCKED")).isZero();
		assertThat(queuedSince(before)).hasSize(2);
		assertThat(ResetControllerTests.body(staleTab.getPage("/reset/done"))).contains("Your password has been reset");
	}

	@Test
	void whenTwoFlowsOfOneUserFinishAtOnceThenOnlyOneResets() throws Exception {
		String email = "two.flows@pasts.example";
		String userId = fabrikamUser(email, false);
		List<MockJourney> flows = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			flows.add(proven(userId, email));
		}
		long before = lastMessage();

		List<String> landed = atOnce(i -> () -> flows.get(i).newPassword(passwordNo(i), passwordNo(i))).stream()
				.map(r -> r.getResponse().getRedirectedUrl()).toList();

		// S-50: the first reset moves the security stamp on, which ends the others.
		assertThat(landed).containsOnlyOnce("/reset/done").containsOnly("/reset/done", "/reset?expired");
		assertThat(audited(userId, "PASSWORD_RESET", "SUCCESS")).isEqualTo(1);
		assertThat(queuedSince(before)).hasSize(2);
	}
}
