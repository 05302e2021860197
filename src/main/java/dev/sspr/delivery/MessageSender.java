package dev.sspr.delivery;

/** Hands a message to whatever delivers it: the dev outbox, SMTP or a text/voice provider. */
public interface MessageSender {

	void send(OutgoingMessage message);
}
