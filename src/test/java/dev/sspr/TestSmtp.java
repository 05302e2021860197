package dev.sspr;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free loopback port for one test class, and the settings that
 * send the portal's email there. The port is fixed per class so the server can stop and start again.
 */
public final class TestSmtp {

	public final int port = freePort();
	public final GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	/** Email to this server; the outbox's schedule off, so that tests dispatch when they mean to. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
		registry.add("sspr.delivery.poll-interval", () -> "0s");
	}

	/** Running and empty, whatever the test before did to it. */
	public void reset() throws Exception {
		if (!server.isRunning()) {
			server.start();
		}
		server.purgeEmailFromAllMailboxes();
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
