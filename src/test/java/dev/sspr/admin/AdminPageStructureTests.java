package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * What a screen reader and a keyboard need from every page, read from the HTML: each form control
 * named by a label that points at it, each scrolling table reachable by keyboard and named, and
 * the dashboard's charts readable as numbers.
 */
class AdminPageStructureTests extends AdminTestSupport {

	private Document page(RequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8));
	}

	/** Every page of the console, the end-user pages with forms, and the console's pages after a POST. */
	private Map<String, Document> pages() throws Exception {
		long alex = user("alex@contoso.example").id();
		Map<String, Document> pages = new LinkedHashMap<>();
		for (String path : List.of("/admin", "/admin/policy", "/admin/customization", "/admin/users", "/admin/users/" + alex,
				"/admin/users/" + alex + "/reregister", "/admin/activity")) {
			pages.put(path, page(get(path).with(as(CONTOSO_ADMIN))));
		}
		pages.put("fabrikam /admin/policy", page(get("/admin/policy").with(as(FABRIKAM_ADMIN))));
		pages.put("policy with errors", page(post("/admin/policy").with(as(CONTOSO_ADMIN)).with(csrf())
				.param("scope", "ALL").param("reconfirmDays", "-1")));
		pages.put("/admin/sign-in", page(get("/admin/sign-in")));
		pages.put("/reset", page(get("/reset")));
		pages.put("/sign-in", page(get("/sign-in")));
		String someone = dev.sspr.TestUsers.in(jdbc).contoso().withEmail("page-check@mail.example").create();
		mvc.perform(post("/security-info/app/start").with(as(someone)).with(csrf()));
		for (String path : List.of("/security-info", "/security-info/email", "/security-info/phone",
				"/security-info/questions", "/security-info/app", "/security-info/password")) {
			pages.put(path, page(get(path).with(as(someone))));
		}
		return pages;
	}

	@Test
	void whenAnyPageHasAFormControlThenALabelPointsAtIt() throws Exception {
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, Document> each : pages().entrySet()) {
			Document page = each.getValue();
			Set<String> ids = new HashSet<>();
			for (Element element : page.select("[id]")) {
				if (!ids.add(element.id())) {
					problems.add(each.getKey() + ": the id " + element.id() + " twice");
				}
			}
			for (Element label : page.select("label[for]")) {
				if (page.getElementById(label.attr("for")) == null) {
					problems.add(each.getKey() + ": label for=" + label.attr("for") + " points at nothing");
				}
			}
			for (Element control : page.select("input:not([type=hidden]):not([type=submit]), select, textarea")) {
				boolean named = !control.id().isEmpty() && !page.select("label[for=" + control.id() + "]").isEmpty()
						|| !control.parents().select("label").isEmpty() || control.hasAttr("aria-label")
						|| control.hasAttr("aria-labelledby");
				if (!named) {
					problems.add(each.getKey() + ": " + control.tagName() + " " + control.attr("name") + " has no label");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void whenATableScrollsThenItsRegionTakesFocusAndHasAName() throws Exception {
		List<String> problems = new ArrayList<>();
		int regions = 0;
		for (Map.Entry<String, Document> each : pages().entrySet()) {
			for (Element region : each.getValue().select(".table-scroll")) {
				regions++;
				if (!"0".equals(region.attr("tabindex")) || !"region".equals(region.attr("role"))
						|| region.attr("aria-label").isBlank()) {
					problems.add(each.getKey() + ": " + region.attributes());
				}
			}
		}
		assertThat(regions).isGreaterThanOrEqualTo(3);
		assertThat(problems).isEmpty();
	}
}
