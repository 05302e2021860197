package dev.sspr.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sspr.PortalTest;
import dev.sspr.policy.MethodKind;
import dev.sspr.throttle.Throttle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One phone number or address gets a bounded number of codes, whichever accounts ask for them. */
@PortalTest
class SendLimitTests {

	@Autowired
	OneTimeCodes codes;

	@Autowired
	Throttle throttle;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		throttle.clearAll();
	}

	long user(String userId) {
		return jdbc.sql("select id from directory_user where user_id = ?").param(userId).query(Long.class).single();
	}

	@Test
	void whenTwoAccountsAskForCodesToOneNumberThenTheNumbersLimitStopsTheSixth() {
		long contoso = jdbc.sql("select id from tenant where name = 'contoso'").query(Long.class).single();
		List<SendOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			// Written differently each time: spaces and dashes do not make it another number.
			String number = i % 2 == 0 ? "+1 555 010 0999" : "+1-555-010-0999";
			long pk = user(i < 3 ? "alex@contoso.example" : "ayse@contoso.example");
			outcomes.add(codes.send(new CodeRequest("limit-flow-" + i, pk, contoso, "Contoso", MethodKind.MOBILE_SMS, number,
					Locale.ENGLISH, "10.9.9." + i), CodeDelivery.TEXT));
		}
		assertThat(outcomes.subList(0, 5)).containsOnly(SendOutcome.SENT);
		assertThat(outcomes.get(5)).isEqualTo(SendOutcome.SUPPRESSED_DESTINATION_LIMIT);
	}
}
