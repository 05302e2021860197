/**
 * Notifications of: the user's primary and alternate email after every reset and
 * password change, and every other administrator after an administrator's reset, as the tenant's
 * switches say. Listens to the reset and registration events; queues through the outbox in the same
 * transaction as the change it announces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
		allowedDependencies = { "reset", "registration", "policy", "directory", "delivery" })
package dev.sspr.notification;
