package dev.sspr.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.sspr.PortalTest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 13: what a load balancer asks ({@code /actuator/health}, readiness, liveness) depends on the
 * instance and its database only; the mail server and the directory are reported in groups of
 * their own, which say 503 when unreachable and never pull the instance out of rotation.
 */
@PortalTest
class HealthGroupsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void whenALoadBalancerAsksThenHealthReadinessAndLivenessAnswerUpWithoutDetails() throws Exception {
		for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness",
				"/actuator/health/mail", "/actuator/health/directory")) {
			MvcResult health = mvc.perform(get(probe)).andReturn();
			String body = health.getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(health.getResponse().getStatus()).as(probe).isEqualTo(200);
			assertThat(body).as(probe).contains("\"status\"").doesNotContain("components").doesNotContain("details");
		}
	}

	@Test
	void whenMailOrDirectoryIsUnreachableThenOnlyTheirOwnGroupsSayServiceUnavailable() {
		Status up = Status.UP;
		Status unreachable = ReportedHealth.UNREACHABLE;
		assertThat(groups.getPrimary().getStatusAggregator().getAggregateStatus(up, unreachable, Status.UNKNOWN))
				.isEqualTo(up);
		assertThat(groups.getPrimary().getStatusAggregator().getAggregateStatus(up, Status.DOWN)).isEqualTo(Status.DOWN);
		for (String probe : List.of("readiness", "liveness")) {
			HealthEndpointGroup group = groups.get(probe);
			assertThat(group.isMember("mailServer") || group.isMember("directoryServer")).as(probe).isFalse();
		}
		assertThat(groups.get("readiness").isMember("db")).isTrue();
		for (String own : List.of("mail", "directory")) {
			HealthEndpointGroup group = groups.get(own);
			assertThat(group.isMember(own + "Server")).isTrue();
			Status status = group.getStatusAggregator().getAggregateStatus(unreachable);
			assertThat(group.getHttpCodeStatusMapper().getStatusCode(status)).as(own).isEqualTo(503);
			assertThat(group.getHttpCodeStatusMapper().getStatusCode(Status.UP)).as(own).isEqualTo(200);
		}
	}

	@Test
	void whenTheMailServerAcceptsButNeverGreetsThenItIsUnreachableAndAskingNeverWaits() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
			assertThat(HealthChecks.greets("127.0.0.1", silent.getLocalPort())).isEqualTo(ReportedHealth.UNREACHABLE);
			// Asked before any check finished: the last known state at once, the check runs elsewhere.
			List<Runnable> queued = new java.util.ArrayList<>();
			ReportedHealth mail = new ReportedHealth(() -> HealthChecks.greets("127.0.0.1", silent.getLocalPort()),
					queued::add, Duration.ofSeconds(30));
			assertThat(mail.health().getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(queued).hasSize(1);
			assertThat(mail.health().getStatus()).as("one check at a time").isEqualTo(Status.UNKNOWN);
			assertThat(queued).hasSize(1);
			queued.get(0).run();
			assertThat(mail.health().getStatus()).isEqualTo(ReportedHealth.UNREACHABLE);
		}
	}
}
