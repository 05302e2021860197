package dev.sspr;

import java.util.Map;

/** The demo tenants' users and secrets (see README), as the tests use them. */
public final class DemoUsers {

	public static final String CONTOSO_PASSWORD = "Contoso#Demo-2026";
	public static final String FABRIKAM_PASSWORD = "Fabrikam#Demo-2026";
	public static final String AUTHENTICATOR_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	/** Security answers by question key, per user. */
	public static final Map<String, Map<String, String>> ANSWERS = Map.of(
			"alex@contoso.example", Map.of("q04", "Seattle", "q12", "Lasagna", "q29", "Rex"),
			"ayse@contoso.example", Map.of("q04", "İzmir", "q12", "Mantı", "q29", "Pamuk"),
			"adele@contoso.example", Map.of("q04", "Boston", "q12", "Sushi", "q29", "Whiskers"),
			"megan@contoso.example", Map.of("q04", "Denver", "q12", "Tacos", "q29", "Buddy"),
			"kim@fabrikam.example", Map.of("q04", "Busan", "q12", "Kimchi", "q29", "Mochi"));

	private DemoUsers() {
	}
}
