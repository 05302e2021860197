package dev.sspr;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenLDAP slapd (Debian's 2.5 package) with the ppolicy overlay, started by a test on a free
 * loopback port and thrown away with its temp directory on {@link #close()}.
 *
 * <p>What the writeback code can rely on (proved by {@link SlapdServerTests}):
 * <ul>
 * <li>history and quality are enforced for a password modify extended operation by the service account,
 * but NOT for the rootdn, so the service account must never be the rootdn;</li>
 * <li>{@code pwdAccountLockedTime} is user-modifiable in 2.5: deleting it needs plain {@code write} access,
 * neither the Relax Rules control nor {@code manage}; the overlay then also clears {@code pwdFailureTime};</li>
 * <li>an administrative password reset clears the lock as well.</li>
 * </ul>
 */
public final class SlapdServer implements AutoCloseable {

	public static final String SLAPD = "/usr/sbin/slapd";

	public static final String BASE_DN = "dc=fabrikam,dc=example";

	public static final String ADMIN_DN = "cn=admin," + BASE_DN;

	public static final String ADMIN_PASSWORD = "Admin-Secret-1";

	public static final String PEOPLE_DN = "ou=people," + BASE_DN;

	public static final String GROUPS_DN = "ou=groups," + BASE_DN;

	public static final String SERVICE_DN = "cn=sspr,ou=services," + BASE_DN;

	public static final String SERVICE_PASSWORD = "Service-Secret-1";

	/** Applies to everyone who has no {@code pwdPolicySubentry} of their own. */
	public static final String POLICY_DN = "cn=default,ou=policies," + BASE_DN;

	/** The service account's own policy: no lockout, so a few bad binds cannot take the portal down. */
	public static final String SERVICE_POLICY_DN = "cn=service,ou=policies," + BASE_DN;

	/** With {@code pwdLockoutDuration: 0} any value locks until removed. */
	public static final String LOCKED_TIME = "20260101000000Z";

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private final Path dir;

	private final Process process;

	private final int port;

	private final Thread reaper;

	private SlapdServer(Path dir, Process process, int port) {
		this.dir = dir;
		this.process = process;
		this.port = port;
		// slapd outlives a JVM that dies without close(); don't leave it listening
		this.reaper = new Thread(process::destroyForcibly, "slapd-reaper");
		Runtime.getRuntime().addShutdownHook(this.reaper);
	}

	public static boolean installed() {
		return Files.isExecutable(Path.of(SLAPD));
	}

	public static SlapdServer start() throws IOException, LDAPException, InterruptedException {
		Path dir = Files.createTempDirectory("sspr-slapd-");
		try {
			Files.createDirectories(dir.resolve("db"));
			Path conf = dir.resolve("slapd.conf");
			Files.writeString(conf, config(dir));
			SlapdServer server = launch(dir, conf);
			try (LDAPConnection admin = server.adminConnection()) {
				seed(admin);
			}
			catch (LDAPException | RuntimeException ex) {
				server.close();
				throw ex;
			}
			return server;
		}
		catch (IOException | LDAPException | InterruptedException | RuntimeException ex) {
			delete(dir);
			throw ex;
		}
	}

	// Another process may grab the free port between probe and slapd's bind; try a fresh one then.
	private static SlapdServer launch(Path dir, Path conf) throws IOException, InterruptedException {
		Path log = dir.resolve("slapd.log");
		for (int attempt = 1;; attempt++) {
			int port = freePort();
			// -d keeps slapd in the foreground so destroy() stops it; "none" still prints config errors
			// (-d 0 prints nothing at all). As root no -u/-g: it just keeps running as root in its own dir.
			Process process = new ProcessBuilder(SLAPD, "-f", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/",
					"-d", "none").redirectErrorStream(true).redirectOutput(log.toFile()).start();
			long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
			while (true) {
				if (!process.isAlive()) {
					String output = Files.readString(log);
					if (output.contains("Address already in use") && attempt < 3) {
						break;
					}
					throw new IllegalStateException(
							"slapd exited with code " + process.exitValue() + " before accepting connections:\n" + output);
				}
				if (ready(port)) {
					return new SlapdServer(dir, process, port);
				}
				if (System.currentTimeMillis() > deadline) {
					process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
					throw new IllegalStateException("slapd did not accept a bind on 127.0.0.1:" + port + " within "
							+ START_TIMEOUT_MILLIS + " ms:\n" + Files.readString(log));
				}
				Thread.sleep(100);
			}
		}
	}

	private static boolean ready(int port) {
		LDAPConnectionOptions options = new LDAPConnectionOptions();
		options.setConnectTimeoutMillis(500);
		options.setResponseTimeoutMillis(2_000);
		try (LDAPConnection connection = new LDAPConnection(options, "127.0.0.1", port, ADMIN_DN, ADMIN_PASSWORD)) {
			return true;
		}
		catch (LDAPException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String config(Path dir) {
		String service = "dn.exact=\"" + SERVICE_DN + "\"";
		return String.join("\n",
				"modulepath /usr/lib/ldap",
				"moduleload back_mdb",
				// 2.5 builds the ppolicy schema into the overlay; there is no ppolicy.schema to include
				"moduleload ppolicy",
				"include /etc/ldap/schema/core.schema",
				"include /etc/ldap/schema/cosine.schema",
				"include /etc/ldap/schema/inetorgperson.schema",
				"include /etc/ldap/schema/nis.schema",
				// the defaults point into /var/run/slapd, which a test has no business touching
				"pidfile " + dir.resolve("slapd.pid"),
				"argsfile " + dir.resolve("slapd.args"),
				"",
				"database mdb",
				"suffix \"" + BASE_DN + "\"",
				"rootdn \"" + ADMIN_DN + "\"",
				"rootpw " + ADMIN_PASSWORD,
				"directory " + dir.resolve("db"),
				"maxsize 16777216",
				"",
				"overlay ppolicy",
				"ppolicy_default \"" + POLICY_DN + "\"",
				// bind answers stay INVALID_CREDENTIALS; only the ppolicy response control says "locked"
				"ppolicy_use_lockout",
				// hash clear-text userPassword on add/modify (the extended operation hashes anyway)
				"ppolicy_hash_cleartext",
				"",
				// write without read: the service may set passwords but never sees the hashes
				"access to attrs=userPassword",
				"  by " + service + " =w",
				"  by self write",
				"  by anonymous auth",
				"  by * none",
				// plain write is enough to unlock: 2.5 declares pwdAccountLockedTime user-modifiable
				"access to attrs=pwdAccountLockedTime",
				"  by " + service + " write",
				"  by self read",
				"  by * none",
				"access to *",
				"  by " + service + " read",
				"  by self read",
				"  by * none",
				"");
	}

	private static void seed(LDAPConnection admin) throws LDAPException {
		admin.add(new Entry(BASE_DN, new Attribute("objectClass", "top", "dcObject", "organization"),
				new Attribute("dc", "fabrikam"), new Attribute("o", "Fabrikam")));
		for (String ou : List.of("people", "groups", "services", "policies")) {
			admin.add(new Entry("ou=" + ou + "," + BASE_DN, new Attribute("objectClass", "top", "organizationalUnit"),
					new Attribute("ou", ou)));
		}
		// pwdPolicy is auxiliary; organizationalRole is a structural class that only needs cn
		admin.add(new Entry(POLICY_DN, new Attribute("objectClass", "top", "organizationalRole", "pwdPolicy"),
				new Attribute("cn", "default"), new Attribute("pwdAttribute", "userPassword"),
				new Attribute("pwdLockout", "TRUE"), new Attribute("pwdMaxFailure", "3"),
				new Attribute("pwdInHistory", "3"), new Attribute("pwdCheckQuality", "2"),
				new Attribute("pwdMinLength", "8"), new Attribute("pwdAllowUserChange", "TRUE"),
				new Attribute("pwdMustChange", "FALSE"), new Attribute("pwdLockoutDuration", "0")));
		admin.add(new Entry(SERVICE_POLICY_DN, new Attribute("objectClass", "top", "organizationalRole", "pwdPolicy"),
				new Attribute("cn", "service"), new Attribute("pwdAttribute", "userPassword"),
				new Attribute("pwdLockout", "FALSE")));
		admin.add(new Entry(SERVICE_DN, new Attribute("objectClass", "top", "organizationalRole", "simpleSecurityObject"),
				new Attribute("cn", "sspr"), new Attribute("userPassword", SERVICE_PASSWORD),
				new Attribute("pwdPolicySubentry", SERVICE_POLICY_DN)));
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "ldap://127.0.0.1:" + this.port;
	}

	public static String userDn(String uid) {
		return "uid=" + uid + "," + PEOPLE_DN;
	}

	/** A new connection bound as the rootdn, which ppolicy does not hold to history or quality. */
	public LDAPConnection adminConnection() throws LDAPException {
		return new LDAPConnection("127.0.0.1", this.port, ADMIN_DN, ADMIN_PASSWORD);
	}

	/** Whether a simple bind as {@code uid=<uid>,ou=people} with this password succeeds. */
	public boolean binds(String uid, String password) {
		try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
			connection.bind(userDn(uid), password);
			return true;
		}
		catch (LDAPException ex) {
			return false;
		}
	}

	/** Adds {@code uid=<uid>,ou=people}; the rootdn may set {@code pwdAccountLockedTime} directly. */
	public void addUser(String uid, String mail, String password, boolean locked) throws LDAPException {
		List<Attribute> attributes = new ArrayList<>(List.of(
				new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
				new Attribute("uid", uid), new Attribute("cn", uid), new Attribute("sn", uid),
				new Attribute("userPassword", password)));
		if (mail != null) {
			attributes.add(new Attribute("mail", mail));
		}
		if (locked) {
			attributes.add(new Attribute("pwdAccountLockedTime", LOCKED_TIME));
		}
		try (LDAPConnection admin = adminConnection()) {
			admin.add(new Entry(userDn(uid), attributes));
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.reaper);
		}
		catch (IllegalStateException ex) {
			// already shutting down: the hook runs anyway
		}
		delete(this.dir);
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not delete " + dir, ex);
		}
	}
}
