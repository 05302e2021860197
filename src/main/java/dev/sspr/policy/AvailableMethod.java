package dev.sspr.policy;

import java.io.Serializable;
import java.util.Objects;

/**
 * A method the user has data for. {@code factor} names the thing the proof comes from (a phone
 * number, an address, the app, the user's memory); two methods with one factor count once (S-32).
 */
public record AvailableMethod(MethodKind kind, String factor) implements Serializable {

	public AvailableMethod {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(factor, "factor");
	}
}
