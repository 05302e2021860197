package dev.sspr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Issue 13: every shape a pool timeout takes becomes the busy page (503); other failures stay what they are. */
class BusyFilterTests {

	static final SQLTransientConnectionException TIMEOUT = new SQLTransientConnectionException(
			"HikariPool-1 - Connection is not available, request timed out after 3000ms");

	@Test
	void whenAConnectionCouldNotBeHadHoweverWrappedThenItIsBusy() {
		assertThat(BusyFilter.busy(TIMEOUT)).isTrue();
		assertThat(BusyFilter.busy(new CannotCreateTransactionException("JPA", new JDBCConnectionException("x", TIMEOUT))))
				.isTrue();
		assertThat(BusyFilter.busy(new JpaSystemException(new RuntimeException(new JDBCConnectionException("x", TIMEOUT)))))
				.isTrue();
		assertThat(BusyFilter.busy(new ServletException(new CannotGetJdbcConnectionException("jdbc", TIMEOUT)))).isTrue();
		assertThat(BusyFilter.busy(new IllegalStateException("a bug"))).isFalse();
		assertThat(BusyFilter.busy(new DataIntegrityViolationException("duplicate"))).isFalse();
	}

	@Test
	void whenTheChainRunsOutOfConnectionsThenTheBusyPageIsAskedForWith503() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/reset");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new BusyFilter().doFilter(request, response, (req, res) -> {
			throw new CannotCreateTransactionException("Could not open JPA EntityManager", TIMEOUT);
		});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(request.getAttribute(ErrorPageController.MESSAGE_KEY)).isEqualTo("error.busy");
	}

	@Test
	void whenTheChainFailsOtherwiseThenTheFailureIsLeftAlone() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reset");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatThrownBy(() -> new BusyFilter().doFilter(request, response, (req, res) -> {
			throw new IllegalStateException("a bug");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(response.getStatus()).isEqualTo(200);
	}
}
