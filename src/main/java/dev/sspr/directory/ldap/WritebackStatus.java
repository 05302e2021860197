package dev.sspr.directory.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writeback status of R-40, from real checks rather than a setting: the service account's bind,
 * the directory's root DSE against the configured dialect, a harmless read of a user's lock state
 * (with Active Directory, also whether the account may write the password and the lock), and how
 * long all that took.
 */
@Service
@NamedInterface("writeback")
public class WritebackStatus {

	/** The six messages of R-40. */
	public enum State { WORKING, OUTDATED, CANNOT_CHECK, CANNOT_CONNECT, NOT_CONFIGURED, TEMPORARY_PROBLEM }

	/** A state, and how long the checks took (null when nothing could be measured). */
	public record Report(State state, Duration latency, Instant checkedAt) {
	}

	private static final Set<ResultCode> UNREACHABLE = Set.of(ResultCode.CONNECT_ERROR, ResultCode.SERVER_DOWN,
			ResultCode.TIMEOUT, ResultCode.UNAVAILABLE, ResultCode.BUSY);

	private final LdapDirectory directory;
	private final Clock clock;

	WritebackStatus(LdapDirectory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	/** Talks to the directory: never inside a transaction, so no database connection waits on it. */
	@Transactional(propagation = Propagation.NEVER)
	public Report check() {
		Instant started = clock.instant();
		if (!directory.configured()) {
			return new Report(State.NOT_CONFIGURED, null, started);
		}
		long begin = System.nanoTime();
		try (LDAPConnection connection = directory.serviceConnection()) {
			Dialect.Capability capability = directory.dialect().capability(connection.getRootDSE());
			if (capability == Dialect.Capability.MISMATCH) {
				return report(State.NOT_CONFIGURED, begin, started);
			}
			if (capability == Dialect.Capability.OUTDATED) {
				return report(State.OUTDATED, begin, started);
			}
			SearchResultEntry sample = sampleUser(connection);
			if (sample == null || capability == Dialect.Capability.UNKNOWN) {
				return report(State.CANNOT_CHECK, begin, started);
			}
			if (directory.dialect() == Dialect.ACTIVE_DIRECTORY && !mayWritePasswords(sample)) {
				return report(State.NOT_CONFIGURED, begin, started);
			}
			Duration latency = Duration.ofNanos(System.nanoTime() - begin);
			State state = latency.compareTo(directory.properties().slowThreshold()) > 0 ? State.TEMPORARY_PROBLEM
					: State.WORKING;
			return new Report(state, latency, started);
		}
		catch (LDAPException ex) {
			State state = UNREACHABLE.contains(ex.getResultCode()) ? State.CANNOT_CONNECT
					: ex.getResultCode() == ResultCode.INVALID_CREDENTIALS
							|| ex.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS
							|| ex.getResultCode() == ResultCode.NO_SUCH_OBJECT
							|| ex.getResultCode() == ResultCode.CONFIDENTIALITY_REQUIRED ? State.NOT_CONFIGURED
									: State.TEMPORARY_PROBLEM;
			return report(state, begin, started);
		}
		catch (RuntimeException ex) {
			return report(State.TEMPORARY_PROBLEM, begin, started);
		}
	}

	/** One user entry, read with the lock attributes: proves the account can see what it must change. */
	private SearchResultEntry sampleUser(LDAPConnection connection) throws LDAPException {
		String[] attributes = Arrays.copyOf(directory.dialect().stateAttributes(),
				directory.dialect().stateAttributes().length + 1);
		attributes[attributes.length - 1] = "allowedAttributesEffective";
		SearchRequest request = new SearchRequest(directory.properties().baseDn(), SearchScope.SUB,
				Filter.create(directory.properties().userFilter()), attributes);
		request.setSizeLimit(1);
		try {
			SearchResult result = connection.search(request);
			return result.getEntryCount() == 0 ? null : result.getSearchEntries().get(0);
		}
		catch (LDAPException ex) {
			if (ex.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED && ex instanceof com.unboundid.ldap.sdk.LDAPSearchException search
					&& search.getEntryCount() > 0) {
				return search.getSearchEntries().get(0);
			}
			throw ex;
		}
	}

	/** Active Directory lists the attributes the bound account may write on the entry. */
	private static boolean mayWritePasswords(SearchResultEntry user) {
		String[] writable = user.getAttributeValues("allowedAttributesEffective");
		if (writable == null) {
			return false;
		}
		Set<String> names = Set.copyOf(Arrays.stream(writable).map(String::toLowerCase).toList());
		return names.contains("unicodepwd") && names.contains("lockouttime");
	}

	private Report report(State state, long begin, Instant started) {
		return new Report(state, Duration.ofNanos(System.nanoTime() - begin), started);
	}
}
