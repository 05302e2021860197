/**
 * Server keys and encryption at rest (S-25, S-22): {@link dev.sspr.secrets.Keys} holds the keys that
 * must survive a restart, refusing to start outside the {@code dev} profile when one is missing;
 * {@link dev.sspr.secrets.Sealing} is AES-GCM with a context bound in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets", allowedDependencies = {})
package dev.sspr.secrets;
