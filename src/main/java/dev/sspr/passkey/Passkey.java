package dev.sspr.passkey;

import java.time.Instant;

/** A registered passkey as its owner sees it: the name they gave it, when it was added and last used. */
public record Passkey(long id, String name, Instant createdAt, Instant lastUsedAt) {
}
