package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The impact preview posts the whole proposal again: a policy field it forgot would arrive empty,
 * silently switching a setting off when the administrator confirms. Every field of the form travels.
 */
class ImpactFormTests {

	@Test
	void whenAPolicyFieldIsAddedThenTheImpactPageCarriesItToo() throws IOException {
		String page;
		try (InputStream in = getClass().getResourceAsStream("/templates/admin/impact.html")) {
			page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String[] fields = Arrays.stream(PolicyForm.class.getRecordComponents()).map(RecordComponent::getName)
				.toArray(String[]::new);
		for (String field : fields) {
			assertThat(page.contains("*{" + field + "}") || page.contains("name=\"" + field + "\""))
					.as("impact.html carries %s", field).isTrue();
		}
	}
}
