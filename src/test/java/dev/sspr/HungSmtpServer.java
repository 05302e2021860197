package dev.sspr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A mail server that accepts connections and never says a word, on the port of {@link TestSmtp}
 * (stopped for the while): the outage in which a hung server holds every try until its timeout.
 * {@link #close} drops the connections (each try then fails at once) and frees the port.
 */
public final class HungSmtpServer implements AutoCloseable {

	private final ServerSocket server;
	private final List<Socket> held = new CopyOnWriteArrayList<>();
	private final Semaphore accepted = new Semaphore(0);

	private HungSmtpServer(int port) throws IOException {
		server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 200);
		Thread acceptor = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					held.add(server.accept());
					accepted.release();
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "hung-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Stops the shared GreenMail and takes its port. */
	public static HungSmtpServer replacing(TestSmtp smtp) throws IOException {
		if (smtp.server.isRunning()) {
			smtp.server.stop();
		}
		return new HungSmtpServer(smtp.port);
	}

	/** Waits until {@code count} connections have come in (false when the wait runs out first). */
	public boolean awaitConnections(int count, long seconds) throws InterruptedException {
		boolean got = accepted.tryAcquire(count, seconds, TimeUnit.SECONDS);
		if (got) {
			accepted.release(count);
		}
		return got;
	}

	@Override
	public void close() throws IOException {
		server.close();
		for (Socket socket : held) {
			socket.close();
		}
	}
}
