package dev.sspr.policy;

/** A tenant's own security question: shown as entered, never localized. */
public record CustomQuestion(long id, String text) {
}
