package dev.sspr.policy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The ways a user can prove who they are. */
public enum MethodKind {

	APP_NOTIFICATION(Channel.APP),
	APP_CODE(Channel.APP),
	EMAIL(Channel.EMAIL),
	MOBILE_SMS(Channel.PHONE),
	MOBILE_VOICE(Channel.PHONE),
	OFFICE_VOICE(Channel.PHONE),
	SECURITY_QUESTIONS(Channel.KNOWLEDGE),
	/** A passkey on the user's device (WebAuthn): phishing-resistant, nothing is sent. */
	PASSKEY(Channel.DEVICE);

	/** Where the proof travels; two methods on the same channel and destination are one factor (S-32). */
	public enum Channel { APP, EMAIL, PHONE, KNOWLEDGE, DEVICE }

	/** The methods an administrator may use, whatever the tenant allows. */
	public static final Set<MethodKind> ADMIN_METHODS =
			EnumSet.of(APP_NOTIFICATION, APP_CODE, EMAIL, MOBILE_SMS, MOBILE_VOICE, OFFICE_VOICE, PASSKEY);

	private final Channel channel;

	MethodKind(Channel channel) {
		this.channel = channel;
	}

	public Channel channel() {
		return channel;
	}

	/** Whether the portal sends a code to a destination the user must first confirm. */
	public boolean sendsCode() {
		return channel == Channel.EMAIL || channel == Channel.PHONE;
	}

	/** Message key suffix, e.g. {@code mobile-sms}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static MethodKind fromKey(String key) {
		for (MethodKind kind : values()) {
			if (kind.key().equals(key)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown method");
	}
}
