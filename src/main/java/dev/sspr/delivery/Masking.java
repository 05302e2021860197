package dev.sspr.delivery;

/** Masks destinations the way R-17 shows them: {@code *******12}, {@code a*****@c*****.com}. */
public final class Masking {

	private Masking() {
	}

	public static String mask(Channel channel, String destination) {
		return channel == Channel.EMAIL ? maskEmail(destination) : maskPhone(destination);
	}

	/** Every digit but the last two becomes a star; formatting is dropped. */
	public static String maskPhone(String phone) {
		String digits = phone.replaceAll("\\D", "");
		if (digits.length() <= 2) {
			return "*".repeat(Math.max(2, digits.length()));
		}
		return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
	}

	/** First letter of the name and of the domain kept; the top-level domain kept. */
	public static String maskEmail(String email) {
		int at = email.lastIndexOf('@');
		if (at <= 0 || at == email.length() - 1) {
			return "*****";
		}
		String local = email.substring(0, at);
		String domain = email.substring(at + 1);
		int dot = domain.lastIndexOf('.');
		String host = dot > 0 ? domain.substring(0, dot) : domain;
		String tld = dot > 0 ? domain.substring(dot) : "";
		return local.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				+ "*****@"
				+ host.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				+ "*****" + tld;
	}
}
