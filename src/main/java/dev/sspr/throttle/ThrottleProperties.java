package dev.sspr.throttle;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sizes of the rate limits, each a list of {@code count/period} windows, all of which must allow
 * the request. Defaults follow S-11 and S-12.
 *
 * @param lookupPerAddress identify posts per client address (default 20 a minute, 200 an hour)
 * @param lookupPerUser identify posts per user ID typed (default 10 an hour)
 * @param sendPerAccount codes sent to one account (default 5 an hour, 10 a day)
 * @param sendPerAddress codes sent for one client address (default 20 an hour)
 * @param sendPerDestination codes sent to one email address or phone number (default 5 an hour, 10 a day)
 * @param phoneSendPerTenant texts and calls per tenant (default 1000 a day)
 * @param tryPerAddress verification tries per client address (default 30 an hour)
 * @param signInPerAddress sign-in attempts per client address (default 30 in 15 minutes)
 * @param signInPerUser sign-in attempts per user ID (default 10 in 15 minutes)
 */
@ConfigurationProperties("sspr.throttle")
public record ThrottleProperties(
		@DefaultValue({ "20/PT1M", "200/PT1H" }) List<String> lookupPerAddress,
		@DefaultValue("10/PT1H") List<String> lookupPerUser,
		@DefaultValue({ "5/PT1H", "10/P1D" }) List<String> sendPerAccount,
		@DefaultValue("20/PT1H") List<String> sendPerAddress,
		@DefaultValue({ "5/PT1H", "10/P1D" }) List<String> sendPerDestination,
		@DefaultValue("1000/P1D") List<String> phoneSendPerTenant,
		@DefaultValue("30/PT1H") List<String> tryPerAddress,
		@DefaultValue("30/PT15M") List<String> signInPerAddress,
		@DefaultValue("10/PT15M") List<String> signInPerUser) {

	/** One window: at most {@code count} in {@code period}. */
	public record Window(long count, Duration period) {

		static Window parse(String spec) {
			int slash = spec.indexOf('/');
			if (slash < 1) {
				throw new IllegalArgumentException("throttle window must look like 5/PT1H: " + spec);
			}
			return new Window(Long.parseLong(spec.substring(0, slash).strip()), Duration.parse(spec.substring(slash + 1).strip()));
		}
	}

	Map<Limit, List<Window>> windows() {
		Map<Limit, List<Window>> map = new EnumMap<>(Limit.class);
		map.put(Limit.LOOKUP_PER_ADDRESS, parse(lookupPerAddress));
		map.put(Limit.LOOKUP_PER_USER, parse(lookupPerUser));
		map.put(Limit.SEND_PER_ACCOUNT, parse(sendPerAccount));
		map.put(Limit.SEND_PER_ADDRESS, parse(sendPerAddress));
		map.put(Limit.SEND_PER_DESTINATION, parse(sendPerDestination));
		map.put(Limit.PHONE_SEND_PER_TENANT, parse(phoneSendPerTenant));
		map.put(Limit.TRY_PER_ADDRESS, parse(tryPerAddress));
		map.put(Limit.SIGN_IN_PER_ADDRESS, parse(signInPerAddress));
		map.put(Limit.SIGN_IN_PER_USER, parse(signInPerUser));
		return map;
	}

	private static List<Window> parse(List<String> specs) {
		return specs.stream().map(Window::parse).toList();
	}
}
