/**
 * Email, text and voice messages: the {@link dev.sspr.delivery.MessageSender} seam, masking of
 * destinations and, for the embedded default, the dev outbox. Bodies never reach the log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery", allowedDependencies = { "secrets", "language" })
package dev.sspr.delivery;
