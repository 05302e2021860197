package dev.sspr.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's default language and the languages it offers, as language tags. The directory
 * stores them; which tags mean a language, and how a request's language is chosen, is the web layer's.
 */
@Service
public class TenantLanguages {

	/**
	 * @param defaultLanguage the tag shown when a user's language is not offered, or null for English
	 * @param offered the tags offered, empty for every language the portal speaks
	 */
	public record Settings(String defaultLanguage, List<String> offered) {

		public static final Settings ALL = new Settings(null, List.of());

		public Settings {
			offered = List.copyOf(offered);
		}
	}

	private final JdbcClient jdbc;

	TenantLanguages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Settings of(long tenantId) {
		return jdbc.sql("select default_language, offered_languages from tenant where id = ?").param(tenantId)
				.query((rs, n) -> new Settings(rs.getString(1), split(rs.getString(2))))
				.optional().orElse(Settings.ALL);
	}

	@Transactional
	public void save(long tenantId, Settings settings) {
		jdbc.sql("update tenant set default_language = ?, offered_languages = ? where id = ?")
				.params(settings.defaultLanguage(), settings.offered().isEmpty() ? null : String.join(",", settings.offered()),
						tenantId)
				.update();
	}

	private static List<String> split(String tags) {
		return Optional.ofNullable(tags).map(t -> Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
				.orElse(List.of());
	}
}
