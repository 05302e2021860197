package dev.sspr;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The JVM's one real SMTP server (GreenMail) on a free loopback port, which the delivery context
 * ({@link DeliveryTest}) sends its email to. The port stays the same, so a test may stop the server
 * (a mail outage) and start it again.
 */
public final class TestSmtp {

	public static final TestSmtp SHARED = new TestSmtp();

	public final int port = freePort();
	public final GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private TestSmtp() {
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
