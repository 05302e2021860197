package dev.sspr.admin;

import dev.sspr.audit.AdminAction;
import dev.sspr.directory.DirectorySync;
import dev.sspr.directory.ldap.WritebackStatus;
import dev.sspr.policy.MethodKind;
import dev.sspr.policy.PolicySettings;
import dev.sspr.policy.PolicyUpdates;
import dev.sspr.policy.SsprScope;
import dev.sspr.registration.SignedInUser;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The policy editor with the impact preview of R-62: a change that would stop anyone
 * who can reset today from resetting is shown, with the names, and saved only once confirmed.
 */
@Controller
class PolicyController {

	static final String VIEW = "admin/policy";
	static final String IMPACT_VIEW = "admin/impact";

	private final PolicyUpdates policies;
	private final ImpactPreview preview;
	private final ApplicationEventPublisher events;
	private final WritebackStatus writeback;
	private final DirectorySync sync;

	PolicyController(PolicyUpdates policies, ImpactPreview preview, ApplicationEventPublisher events,
			WritebackStatus writeback, DirectorySync sync) {
		this.policies = policies;
		this.preview = preview;
		this.events = events;
		this.writeback = writeback;
		this.sync = sync;
	}

	/**
	 * The policy page with its on-premises status. The status check talks to the
	 * directory, so it runs only when the page is shown, not for requests that redirect. A tenant
	 * without a directory has no status (null): writeback is not used there, which is no fault.
	 */
	private String policyPage(SignedInUser admin, Model model) {
		boolean connected = directoryConnected(admin);
		model.addAttribute("directoryConnected", connected);
		model.addAttribute("writebackStatus", connected ? writeback.check() : null);
		model.addAttribute("lastSync", connected ? sync.lastRun(admin.tenantId()).orElse(null) : null);
		return VIEW;
	}

	/** Whether the on-premises directory holds this administrator's tenant. */
	private boolean directoryConnected(SignedInUser admin) {
		return sync.tenantId().filter(id -> id == admin.tenantId()).isPresent();
	}

	/** Synchronizes the directory now; only the tenant whose directory it is may ask. */
	@PostMapping("/admin/directory/sync")
	String processSync(@AuthenticationPrincipal SignedInUser admin) {
		if (!directoryConnected(admin)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		DirectorySync.SyncRun run = sync.syncNow();
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_DIRECTORY_SYNCED, admin.tenantId(), admin.userId(),
				null, run.success(), run.success() ? run.created() + " created, " + run.updated() + " updated, "
						+ run.disabled() + " disabled, " + run.skipped() + " skipped" : run.error()));
		return "redirect:/admin/policy?synced#on-premises";
	}

	@GetMapping("/admin/policy")
	String initPolicy(@AuthenticationPrincipal SignedInUser admin, Model model) {
		model.addAttribute("policyForm", PolicyForm.of(policies.current(admin.tenantId())));
		return policyPage(admin, model);
	}

	/** {@code action=edit} returns from the impact preview to the form with the values kept. */
	@PostMapping("/admin/policy")
	String processPolicy(@AuthenticationPrincipal SignedInUser admin, @Valid @ModelAttribute PolicyForm policyForm,
			BindingResult result, @RequestParam(name = "action", required = false) String action, Model model) {
		Optional<PolicySettings> proposed = result.hasErrors() ? Optional.empty()
				: PolicyValidator.validate(policyForm, result);
		if (proposed.isEmpty() || "edit".equals(action)) {
			return policyPage(admin, model);
		}
		long tenantId = admin.tenantId();
		PolicySettings current = policies.current(tenantId);
		PolicySettings next = proposed.get();
		Set<Long> dropped = policies.droppedQuestions(tenantId, next.customQuestions());
		ImpactPreview.Impact impact = preview.of(tenantId, current.policy(), next.policy(), dropped);
		if (impact.anyoneLoses() && !String.valueOf(impact.losing().size()).equals(policyForm.confirmedImpact())) {
			model.addAttribute("impact", impact);
			return IMPACT_VIEW;
		}
		policies.save(tenantId, next);
		events.publishEvent(new AdminAction(AdminAction.Kind.ADMIN_POLICY_CHANGED, tenantId, admin.userId(), null, true,
				PolicyDiff.between(current, next)));
		return "redirect:/admin/policy?saved";
	}

	@ModelAttribute("scopes")
	SsprScope[] scopes() {
		return SsprScope.values();
	}

	@ModelAttribute("methodKinds")
	MethodKind[] methodKinds() {
		return MethodKind.values();
	}
}
