package dev.sspr;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Several portal instances, as an organization runs them: one PostgreSQL schema of their own (made
 * and migrated with the demo data by the first, dropped at {@link #close}), the same keys, each on
 * its own port, one mail server. Outside the test context cache on purpose: a test starts and
 * stops instances. Instances share a {@link TestClock}; each has its own embedded directory, so
 * cluster journeys use cloud users.
 *
 * <pre>
 * try (PortalCluster cluster = PortalCluster.start(2)) { cluster.instance(0).http() ... }
 * </pre>
 */
public final class PortalCluster implements AutoCloseable {

	/** The same keys on every instance: any of them opens what another sealed. */
	private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
	private static final Pattern CODE = Pattern.compile("\\b(\\d{6,8})\\b");

	private final String schema = "sspr_cl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	private final TestClock clock = new TestClock();
	private final int smtpPort = freePort();
	private final GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	private final List<String> extra;
	private final List<Instance> instances = new ArrayList<>();

	private PortalCluster(List<String> extra) {
		this.extra = List.copyOf(extra);
	}

	/**
	 * Starts {@code count} instances one after the other (the first migrates the schema).
	 *
	 * @param properties more {@code name=value} settings for every instance
	 */
	public static PortalCluster start(int count, String... properties) {
		PortalCluster cluster = new PortalCluster(List.of(properties));
		cluster.mail.start();
		try {
			for (int i = 0; i < count; i++) {
				cluster.startInstance();
			}
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	/** One more instance on the same schema and keys. */
	public Instance startInstance() {
		List<String> args = new ArrayList<>();
		Map<String, Object> database = PostgresAvailable.Schema.properties(schema);
		database.forEach((name, value) -> args.add("--" + name + "=" + value));
		args.addAll(List.of("--server.port=0", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--sspr.verification.totp-key=" + KEY, "--sspr.verification.code-key=" + KEY,
				"--sspr.delivery.outbox-key=" + KEY, "--sspr.captcha.hmac-key=" + KEY,
				"--spring.main.banner-mode=off"));
		extra.forEach(property -> args.add("--" + property));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SsprApplication.class)
				.profiles("dev", "postgres", "test")
				.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("testClock", java.time.Clock.class,
						() -> clock))
				.run(args.toArray(String[]::new));
		Instance instance = new Instance(context, ((WebServerApplicationContext) context).getWebServer().getPort());
		instances.add(instance);
		return instance;
	}

	public Instance instance(int index) {
		return instances.get(index);
	}

	public List<Instance> instances() {
		return List.copyOf(instances);
	}

	/** The clock every instance reads. */
	public TestClock clock() {
		return clock;
	}

	public String schema() {
		return schema;
	}

	/** The cluster's mail server. */
	public GreenMail mail() {
		return mail;
	}

	/** The code in the newest email to {@code address}. */
	public String lastCodeTo(String address) throws Exception {
		// Delivery runs on each instance's dispatcher threads after the request: wait for what they hold.
		for (Instance instance : instances) {
			if (instance.running() && !instance.bean(dev.sspr.delivery.Outbox.class)
					.awaitDispatched(java.time.Duration.ofSeconds(30))) {
				throw new AssertionError("the outbox of the instance on port " + instance.port() + " is still busy");
			}
		}
		MimeMessage[] received = mail.getReceivedMessagesForDomain(address);
		if (received.length == 0) {
			throw new AssertionError("no email to " + address);
		}
		String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(received[received.length - 1]);
		Matcher matcher = CODE.matcher(body);
		if (!matcher.find()) {
			throw new AssertionError("no code in the email to " + address);
		}
		return matcher.group(1);
	}

	@Override
	public void close() {
		instances.forEach(Instance::stop);
		mail.stop();
		try {
			PostgresAvailable.Schema.drop(schema);
		}
		catch (java.sql.SQLException ex) {
			System.err.println("Could not drop cluster schema " + schema + ": " + ex.getMessage());
		}
	}

	/** One running portal. */
	public static final class Instance {

		private final ConfigurableApplicationContext context;
		private final int port;

		Instance(ConfigurableApplicationContext context, int port) {
			this.context = context;
			this.port = port;
		}

		public int port() {
			return port;
		}

		public HttpTestClient http() {
			return new HttpTestClient(port);
		}

		public <T> T bean(Class<T> type) {
			return context.getBean(type);
		}

		public boolean running() {
			return context.isActive();
		}

		/** Stops the instance as a rolling upgrade or a crash would take it away. */
		public void stop() {
			if (context.isActive()) {
				context.close();
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
