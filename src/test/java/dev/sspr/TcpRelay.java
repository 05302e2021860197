package dev.sspr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay to a server the test runs (a directory, say) that the test can sever: every open
 * connection is cut and new ones are closed at once, as when the server or the network goes away,
 * until {@link #restore()}. Lets a test take a server away from the portal without stopping it.
 */
public final class TcpRelay implements AutoCloseable {

	private final ServerSocket listener;
	private final int targetPort;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile boolean severed;

	public TcpRelay(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "tcp-relay-" + listener.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return listener.getLocalPort();
	}

	/** Cuts every connection and refuses new ones. */
	public void sever() {
		severed = true;
		open.forEach(TcpRelay::closeQuietly);
		open.clear();
	}

	public void restore() {
		severed = false;
	}

	@Override
	public void close() {
		sever();
		closeQuietly(listener);
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				if (severed) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				open.add(client);
				open.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// Listener closed, or the target refused: the client sees its connection closed.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// One side went away.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "tcp-relay-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ignored) {
			// Already closed.
		}
	}
}
