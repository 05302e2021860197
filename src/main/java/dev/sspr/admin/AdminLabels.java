package dev.sspr.admin;

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

	private String label(String prefix, String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
	}
}
