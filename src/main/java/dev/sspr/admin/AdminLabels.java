package dev.sspr.admin;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Localized names of the audit log's codes (event types, refusal and failure reasons) for the
 * console's pages; a code without a name shows as itself rather than as a missing-key marker.
 * Templates call it as {@code @adminLabels}.
 */
@Component("adminLabels")
class AdminLabels {

	private final MessageSource messages;

	AdminLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String event(String type) {
		return label("admin.event.", type);
	}

	public String reason(String code) {
		return label("admin.reason.", code);
	}

	public String method(String kind) {
		return label("admin.method.", kind);
	}

	/** A comma-separated list of methods as the audit log stores it, e.g. {@code EMAIL,MOBILE_SMS}. */
	public String methods(String kinds) {
		if (kinds == null || kinds.isBlank()) {
			return "";
		}
		return Arrays.stream(kinds.split(",")).map(this::method)
				.collect(Collectors.joining(", "));
	}

	private String label(String prefix, String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
	}
}
