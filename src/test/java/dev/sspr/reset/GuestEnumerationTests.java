package dev.sspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * S-01 with guests: a guest ID that does not exist answers exactly as an unknown member ID
 * does: the same status, the same page, and the same work. "The same work" is checked as the same
 * statements run the same number of times (H2's query statistics), which is what makes the timing
 * comparable, instead of measuring time in a test.
 */
class GuestEnumerationTests extends ResetWebTestSupport {

	@ParameterizedTest
	@CsvSource({
			// An address no tenant owns, as a guest would type it, against an unknown member of no tenant.
			"nobody@northwind.example, someone@unknown-domain.example",
			// A guest's own #EXT# name in Contoso's domain, against an unknown Contoso member.
			"nobody_northwind.example#EXT#@contoso.example, nobody@contoso.example" })
	void whenGuestIdDoesNotExistThenSameStatusAndPageAsAnUnknownMember(String guestId, String memberId) throws Exception {
		MockJourney guest = journey("en-US");
		MockJourney member = journey("en-US");
		MvcResult a = guest.identify(guestId);
		MvcResult b = member.identify(memberId);

		assertThat(a.getResponse().getStatus()).isEqualTo(b.getResponse().getStatus());
		assertThat(a.getResponse().getRedirectedUrl()).isEqualTo(b.getResponse().getRedirectedUrl())
				.isEqualTo("/reset/contact-admin");
		MvcResult guestPage = guest.getPage("/reset/contact-admin");
		MvcResult memberPage = member.getPage("/reset/contact-admin");
		assertThat(guestPage.getResponse().getStatus()).isEqualTo(memberPage.getResponse().getStatus());
		assertThat(body(guestPage)).isEqualTo(body(memberPage));
	}

	@Test
	void whenGuestIdDoesNotExistThenTheSameStatementsRunAsForAnUnknownMember() throws Exception {
		// Warm up both paths once, so that neither pays for a first-time cache fill the other does not.
		journey("en-US").identify("warm-up@northwind.example");
		journey("en-US").identify("warm-up@unknown-domain.example");

		Map<String, Long> guest = statementsRunBy(journey("en-US"), "nobody@northwind.example");
		Map<String, Long> member = statementsRunBy(journey("en-US"), "someone@unknown-domain.example");

		assertThat(guest).isNotEmpty().isEqualTo(member);
		assertThat(guest.keySet()).anyMatch(sql -> sql.contains("external_email"));
	}

	private Map<String, Long> statementsRunBy(MockJourney journey, String userId) throws Exception {
		String captcha = journey.captcha();
		jdbc.sql("set query_statistics false").update();
		jdbc.sql("set query_statistics true").update();
		try {
			journey.identifyWith(userId, captcha);
			Map<String, Long> counts = new TreeMap<>();
			jdbc.sql("select sql_statement, execution_count from information_schema.query_statistics")
					.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
					.filter(e -> !e.getKey().toLowerCase(java.util.Locale.ROOT).contains("query_statistics"))
					.forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
			return counts;
		}
		finally {
			jdbc.sql("set query_statistics false").update();
		}
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
