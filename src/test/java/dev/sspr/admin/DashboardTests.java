package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sspr.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The dashboard: what its numbers count, said on the page, and its charts readable as text. */
class DashboardTests extends AdminTestSupport {

	private MvcResult dashboard() throws Exception {
		return mvc.perform(get("/admin").with(as(CONTOSO_ADMIN)).header("Accept-Language", "en")).andExpect(status().isOk())
				.andReturn();
	}

	@SuppressWarnings("unchecked")
	private static List<Charts.Segment> coverage(MvcResult dashboard) {
		return (List<Charts.Segment>) dashboard.getModelAndView().getModel().get("coverage");
	}

	@SuppressWarnings("unchecked")
	private static int methodCount(MvcResult dashboard, String method) {
		return ((List<Charts.Bar>) dashboard.getModelAndView().getModel().get("methodBars")).stream()
				.filter(bar -> bar.label().equals(method)).mapToInt(Charts.Bar::value).sum();
	}

	@Test
	void whenAUserHasOnlyAnEmailFromTheDirectoryThenCoverageAndTheMethodChartCountThemAlike() throws Exception {
		MvcResult before = dashboard();
		// Not in the SSPR group, so unable to reset; never registered anything, but the directory has an email.
		TestUsers.in(jdbc).contoso().withEmail("directory-only@mail.example").outsideSsprGroup().create();
		MvcResult after = dashboard();

		assertThat(methodCount(after, "email")).isEqualTo(methodCount(before, "email") + 1);
		List<Integer> was = coverage(before).stream().map(Charts.Segment::value).toList();
		List<Integer> now = coverage(after).stream().map(Charts.Segment::value).toList();
		assertThat(now.get(0)).as("can reset").isEqualTo(was.get(0));
		assertThat(now.get(1)).as("has a method, cannot reset").isEqualTo(was.get(1) + 1);
		assertThat(now.get(2)).as("has no method").isEqualTo(was.get(2));

		String html = after.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("Has a method but cannot reset", "Has no method",
				"registered on the security info page or known from the directory");
	}

	@Test
	void whenTheDashboardIsReadThenEveryChartHasItsNumbersAsText() throws Exception {
		MvcResult result = dashboard();
		Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		// The drawings are decoration; the numbers are in text beside them.
		assertThat(page.select("main svg")).isNotEmpty().allSatisfy(svg -> assertThat(svg.attr("aria-hidden")).isEqualTo("true"));
		List<Element> charts = page.select("figure.chart");
		assertThat(charts).hasSize(4);

		Element daily = charts.get(1);
		assertThat(daily.select("table caption").text()).isNotBlank();
		assertThat(daily.select("table tbody tr")).hasSize(DashboardController.DAYS);
		Map<String, Object> model = result.getModelAndView().getModel();
		int succeeded = (int) model.get("resetsSucceeded");
		int sum = daily.select("table tbody tr").stream().mapToInt(row -> Integer.parseInt(row.select("td").get(0).text())).sum();
		assertThat(sum).isEqualTo(succeeded);

		Element methods = charts.get(3);
		assertThat(methods.text()).contains("Email " + methodCount(result, "email"));
		Element refusals = charts.get(2);
		assertThat(refusals.text()).containsPattern("Not enough methods registered \\d+");
	}
}
