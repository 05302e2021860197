package dev.sspr.audit;

import java.time.LocalDate;

/**
 * The activity report's filters; any may be null. Dates are whole days in UTC, both ends
 * included.
 *
 * @param outcome {@code SUCCESS} or {@code FAILURE}
 * @param user a part of the user ID
 * @param eventType one event type, e.g. {@code PASSWORD_RESET}
 */
public record ActivityFilter(LocalDate from, LocalDate to, String outcome, String user, String eventType) {

	public static ActivityFilter none() {
		return new ActivityFilter(null, null, null, null, null);
	}
}
