package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.sspr.TestCaptcha;
import dev.sspr.directory.UserAccount;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.SsprPolicy;
import dev.sspr.policy.SsprScope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * the preview names exactly the users whom the reset portal, asked afterwards, turns away
 * although it let them in before. The portal is asked through its own start page, one user at a
 * time, before and after the change is saved.
 */
class ImpactPreviewTests extends AdminTestSupport {

	@Autowired
	ImpactPreview preview;

	@Autowired
	TenantEligibility eligibility;

	@Autowired
	dev.sspr.passkey.Passkeys passkeys;

	dev.sspr.demo.SoftwareAuthenticator device() {
		return dev.sspr.demo.SoftwareAuthenticator.create("localhost", "http://localhost:8080");
	}

	static UnaryOperator<SsprPolicy> passkey(boolean on) {
		return p -> {
			Set<MethodKind> methods = EnumSet.copyOf(p.enabledMethods());
			if (on) {
				methods.add(MethodKind.PASSKEY);
			}
			else {
				methods.remove(MethodKind.PASSKEY);
			}
			return copy(p, p.scope(), p.scopeGroup(), methods, p.methodsRequired());
		};
	}

	static SsprPolicy copy(SsprPolicy p, SsprScope scope, String group, Set<MethodKind> methods, int required) {
		return new SsprPolicy(scope, group, methods, required, p.questionsToRegister(), p.questionsToReset(),
				p.requireRegistration(), p.reconfirmDays(), p.notifyUsers(), p.notifyAdmins(), p.writebackEnabled(),
				p.unlockWithoutReset(), p.showRefusalReason(), p.externalUsersReset());
	}

	static Stream<Arguments> changes() {
		UnaryOperator<SsprPolicy> twoRequired = p -> copy(p, p.scope(), p.scopeGroup(), p.enabledMethods(), 2);
		UnaryOperator<SsprPolicy> noEmailNoApp = p -> copy(p, p.scope(), p.scopeGroup(),
				EnumSet.of(MethodKind.MOBILE_SMS, MethodKind.MOBILE_VOICE, MethodKind.SECURITY_QUESTIONS), p.methodsRequired());
		UnaryOperator<SsprPolicy> narrowed = p -> copy(p, SsprScope.SELECTED, "Finance", p.enabledMethods(), p.methodsRequired());
		UnaryOperator<SsprPolicy> textsOnly = p -> copy(p, p.scope(), p.scopeGroup(), EnumSet.of(MethodKind.MOBILE_SMS),
				p.methodsRequired());
		return Stream.of(
				Arguments.of("fabrikam", "required methods 1 -> 2", twoRequired),
				Arguments.of("contoso", "email and app disabled", noEmailNoApp),
				Arguments.of("contoso", "scope narrowed to another group", narrowed),
				Arguments.of("fabrikam", "scope narrowed to a group", narrowed),
				Arguments.of("fabrikam", "only text messages", textsOnly));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("changes")
	void whenAChangeIsPreviewedThenItNamesExactlyWhomTheResetFlowThenRefuses(String tenant, String change,
			UnaryOperator<SsprPolicy> edit) throws Exception {
		previewMatchesTheResetFlow(tenant, edit);
	}

	@org.junit.jupiter.api.Test
	void whenSignUpUsersMayNoLongerResetThenThePreviewNamesThemAndNoGuestWhoResetsAtHome() throws Exception {
		String signUp = dev.sspr.TestGuests.in(jdbc).contoso().signUp().create();
		String member = dev.sspr.TestUsers.in(jdbc).fabrikam().withEmail("preview-home@pasts.example").create();
		String atHome = dev.sspr.TestGuests.in(jdbc).contoso().homeAt(member).create();
		Set<String> previewed = previewMatchesTheResetFlow("contoso", p -> new SsprPolicy(p.scope(), p.scopeGroup(),
				p.enabledMethods(), p.methodsRequired(), p.questionsToRegister(), p.questionsToReset(), p.requireRegistration(),
				p.reconfirmDays(), p.notifyUsers(), p.notifyAdmins(), p.writebackEnabled(), p.unlockWithoutReset(),
				p.showRefusalReason(), false));
		assertThat(previewed).contains(dev.sspr.TestGuests.in(jdbc).contoso().userIdOf(signUp))
				.doesNotContain(dev.sspr.TestGuests.in(jdbc).contoso().userIdOf(atHome))
				.allMatch(userId -> directory.findUser(userId).orElseThrow().external());
	}

	/**
	 * Contoso requires two methods and allows passkeys: without them, whoever has a passkey and one other
	 * method is turned away, and nobody else is.
	 */
	@org.junit.jupiter.api.Test
	void whenPasskeysAreSwitchedOffThenThePreviewNamesExactlyThoseWhoseResetNeededOne() throws Exception {
		String emailAndPasskey = dev.sspr.TestUsers.in(jdbc).contoso().withRegisteredEmail("pk-needs@personal.example")
				.withPasskey(passkeys, device()).create();
		String twoOthersAndPasskey = dev.sspr.TestUsers.in(jdbc).contoso().withRegisteredEmail("pk-spare@personal.example")
				.withRegisteredPhone("+1 555 010 7788").withPasskey(passkeys, device()).create();
		String passkeyOnly = dev.sspr.TestUsers.in(jdbc).contoso().withPasskey(passkeys, device()).create();
		// an administrator's passkey counts whatever the tenant allows.
		String administrator = administrator(dev.sspr.TestUsers.in(jdbc).contoso()
				.withRegisteredEmail("pk-admin@personal.example").withPasskey(passkeys, device()));
		assertThat(policies.current(tenantId("contoso")).policy().enabledMethods()).contains(MethodKind.PASSKEY);
		try {
			Set<String> previewed = previewMatchesTheResetFlow("contoso", passkey(false));

			assertThat(previewed).contains(emailAndPasskey).doesNotContain(twoOthersAndPasskey, passkeyOnly, administrator);
			assertThat(previewed).as("only users with a passkey can depend on it")
					.allMatch(userId -> passkeys.count(directory.findUser(userId).orElseThrow().id()) > 0);
		}
		finally {
			demote(administrator);
		}
	}

	/** A test user with an administrator role; {@link #demote} takes it away again, so no later test meets them. */
	private String administrator(dev.sspr.TestUsers users) {
		String userId = users.create();
		jdbc.sql("insert into user_admin_role (user_id, role_name) values (?, 'Helpdesk Administrator')")
				.param(directory.findUser(userId).orElseThrow().id()).update();
		assertThat(directory.findUser(userId).orElseThrow().administrator()).isTrue();
		return userId;
	}

	private void demote(String userId) {
		jdbc.sql("delete from user_admin_role where user_id = ?").param(directory.findUser(userId).orElseThrow().id()).update();
	}

	/**
	 * Fabrikam requires one method and does not allow passkeys: allowing them lets in exactly the users
	 * who have nothing but a passkey, costs nobody anything, and the reset flow agrees.
	 */
	@org.junit.jupiter.api.Test
	void whenPasskeysAreSwitchedOnThenNobodyLosesAndThoseWithOnlyAPasskeyGainTheirReset() throws Exception {
		long fabrikam = tenantId("fabrikam");
		String passkeyOnly = dev.sspr.TestUsers.in(jdbc).fabrikam().withPasskey(passkeys, device()).create();
		String emailAndPasskey = dev.sspr.TestUsers.in(jdbc).fabrikam().withRegisteredEmail("pk-fab@personal.example")
				.withPasskey(passkeys, device()).create();
		String nothing = dev.sspr.TestUsers.in(jdbc).fabrikam().create();
		// an administrator (two methods, whatever the tenant allows) could use a passkey already.
		String administrator = administrator(dev.sspr.TestUsers.in(jdbc).fabrikam()
				.withRegisteredEmail("pk-fab-admin@personal.example").withPasskey(passkeys, device()));
		try {
			passkeysSwitchedOnInFabrikam(fabrikam, passkeyOnly, emailAndPasskey, nothing, administrator);
		}
		finally {
			demote(administrator);
		}
	}

	private void passkeysSwitchedOnInFabrikam(long fabrikam, String passkeyOnly, String emailAndPasskey, String nothing,
			String administrator) throws Exception {
		PolicySettings current = policies.current(fabrikam);
		assertThat(current.policy().enabledMethods()).doesNotContain(MethodKind.PASSKEY);
		SsprPolicy proposed = passkey(true).apply(current.policy());

		ImpactPreview.Impact impact = preview.of(fabrikam, current.policy(), proposed, Set.of());
		Set<String> before = eligible(fabrikam, current.policy());
		Set<String> after = eligible(fabrikam, proposed);
		Set<String> gained = after.stream().filter(u -> !before.contains(u)).collect(Collectors.toCollection(TreeSet::new));

		assertThat(impact.anyoneLoses()).isFalse();
		assertThat(impact.eligibleAfter() - impact.eligibleBefore()).isEqualTo(gained.size());
		assertThat(gained).contains(passkeyOnly).doesNotContain(emailAndPasskey, nothing, administrator)
				.allMatch(userId -> passkeys.count(directory.findUser(userId).orElseThrow().id()) > 0);
		assertThat(before).contains(emailAndPasskey, administrator);

		List<UserAccount> mine = List.of(user(passkeyOnly), user(emailAndPasskey), user(nothing), user(administrator));
		assertThat(admittedByTheResetFlow(mine)).containsExactlyInAnyOrder(emailAndPasskey, administrator);
		policies.save(fabrikam, new PolicySettings(proposed, current.customQuestions(), current.bannedTerms(),
				current.returnToOrigins()));
		assertThat(admittedByTheResetFlow(mine)).containsExactlyInAnyOrder(passkeyOnly, emailAndPasskey, administrator);
	}

	private Set<String> eligible(long tenantId, SsprPolicy policy) {
		return eligibility.evaluate(tenantId, policy, Set.of()).stream().filter(row -> row.verdict().eligible())
				.map(row -> row.user().userId()).collect(Collectors.toCollection(TreeSet::new));
	}

	private Set<String> previewMatchesTheResetFlow(String tenant, UnaryOperator<SsprPolicy> edit) throws Exception {
		long tenantId = tenantId(tenant);
		PolicySettings current = policies.current(tenantId);
		SsprPolicy proposed = edit.apply(current.policy());
		List<UserAccount> users = directory.usersOf(tenantId);

		Set<String> eligibleBefore = admittedByTheResetFlow(users);
		Set<String> previewed = preview.of(tenantId, current.policy(), proposed, Set.of()).losing().stream()
				.map(UserAccount::userId).collect(Collectors.toCollection(TreeSet::new));

		policies.save(tenantId, new PolicySettings(proposed, current.customQuestions(), current.bannedTerms(),
				current.returnToOrigins()));
		Set<String> eligibleAfter = admittedByTheResetFlow(users);

		Set<String> lost = eligibleBefore.stream().filter(u -> !eligibleAfter.contains(u))
				.collect(Collectors.toCollection(TreeSet::new));
		assertThat(lost).as("the change must cost someone their reset, or the test proves nothing").isNotEmpty();
		assertThat(previewed).isEqualTo(lost);
		return previewed;
	}

	/** The users whose identification the portal answers with the method page, not a refusal. */
	Set<String> admittedByTheResetFlow(List<UserAccount> users) throws Exception {
		Set<String> admitted = new TreeSet<>();
		for (UserAccount user : users) {
			throttle.clearAll();
			String challenge = mvc.perform(get("/captcha/challenge")).andReturn().getResponse().getContentAsString();
			String target = mvc.perform(post("/reset").with(csrf()).param("userId", user.userId())
					.param("altcha", TestCaptcha.solve(challenge))).andReturn().getResponse().getRedirectedUrl();
			if ("/reset/method".equals(target)) {
				admitted.add(user.userId());
			}
		}
		return admitted;
	}
}
