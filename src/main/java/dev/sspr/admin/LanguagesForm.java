package dev.sspr.admin;

import dev.sspr.directory.TenantLanguages;
import dev.sspr.language.Language;
import dev.sspr.language.Languages;
import java.util.List;
import java.util.Objects;
import org.springframework.validation.Errors;

/**
 * A tenant's languages as the console edits them: the default language and the languages
 * offered, as tags. Every language ticked is stored as "all", so that languages added later are
 * offered too.
 */
public record LanguagesForm(String defaultLanguage, List<String> offered) {

	public LanguagesForm {
		offered = offered == null ? List.of() : offered.stream().filter(Objects::nonNull).toList();
	}

	static LanguagesForm of(TenantLanguages.Settings settings) {
		String fallback = Languages.byTag(settings.defaultLanguage()).orElse(Languages.ENGLISH).tag();
		List<String> offered = settings.offered().isEmpty() ? Languages.ALL.stream().map(Language::tag).toList()
				: settings.offered().stream().filter(tag -> Languages.byTag(tag).isPresent()).toList();
		return new LanguagesForm(fallback, offered);
	}

	/** At least one language offered, only languages the portal speaks, and the default among them. */
	void validate(Errors errors) {
		List<String> known = offered.stream().filter(tag -> Languages.byTag(tag).isPresent()).toList();
		if (known.isEmpty() || known.size() != offered.size()) {
			errors.rejectValue("offered", "admin.customization.languages.offered.empty");
		}
		if (defaultLanguage == null || Languages.byTag(defaultLanguage).isEmpty() || !known.contains(defaultLanguage)) {
			errors.rejectValue("defaultLanguage", "admin.customization.languages.default.notOffered");
		}
	}

	public boolean offers(String tag) {
		return offered.contains(tag);
	}

	TenantLanguages.Settings toSettings() {
		boolean all = Languages.ALL.stream().allMatch(language -> offered.contains(language.tag()));
		// Tags as the table spells them, in the table's order.
		List<String> tags = Languages.ALL.stream().map(Language::tag).filter(offered::contains).toList();
		return new TenantLanguages.Settings(defaultLanguage, all ? List.of() : tags);
	}
}
