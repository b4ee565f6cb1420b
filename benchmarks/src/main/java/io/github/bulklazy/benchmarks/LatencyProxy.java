package io.github.bulklazy.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that adds a time to every request–response round trip between a client
 * and a server, as a network between them would.
 * <p>
 * The whole delay is applied to the client's data: each chunk read from the client is written to
 * the server at its arrival time plus the delay, by a second thread, in order; the server's data is
 * forwarded as it comes. A request–response protocol waits for the answer before it goes on, so
 * the round trip gains the delay once, wherever it is applied; a message that arrives in several
 * chunks gains it once too, as its chunks arrive together and leave together, and a stream of
 * chunks keeps its throughput. The data is neither split nor merged, and each connection keeps
 * its byte order. The two extra hops through loopback and the wake-ups of the proxy's threads add
 * to the delay (about 0.1 ms on a 2-core virtual machine, when the threads wake up from idle):
 * measure the round trip that results and {@linkplain #delayMicros(long) set the delay} to
 * match, as the benchmarks do.
 */
final class LatencyProxy implements AutoCloseable {

	private static final int BUFFER_SIZE = 64 * 1024;

	/** The weight of the latest wake-up in the running mean of the lateness: 1 in 8. */
	private static final int LATENESS_WEIGHT = 8;

	/** Queued after a direction's last chunk: the reader reached the end of its stream. */
	private static final Chunk END = new Chunk(0, new byte[0]);

	private final InetSocketAddress target;

	/** The time added to the client's data: set so that a round trip gains the time wanted. */
	private volatile long delayNanos;

	private final ServerSocket serverSocket;

	private LatencyProxy(InetSocketAddress target, long delayNanos) throws IOException {
		this.target = target;
		this.delayNanos = delayNanos;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		daemon("latency-proxy-accept-" + port(), this::acceptConnections).start();
	}

	/** Starts a proxy to {@code target} that delays the client's data by {@code delayMicros}. */
	static LatencyProxy start(InetSocketAddress target, long delayMicros) {
		try {
			return new LatencyProxy(target, delayMicros * 1000);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start a proxy to " + target, ex);
		}
	}

	/** The loopback port the proxy listens on. */
	int port() {
		return this.serverSocket.getLocalPort();
	}

	/** The delay of the client's data. */
	long delayMicros() {
		return this.delayNanos / 1000;
	}

	/** Changes the delay of the chunks that leave from now on. */
	void delayMicros(long delayMicros) {
		this.delayNanos = delayMicros * 1000;
	}

	/** Stops accepting connections; the open ones end when either side closes. */
	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// closing: nothing left to do
		}
	}

	private void acceptConnections() {
		while (!this.serverSocket.isClosed()) {
			try {
				connect(this.serverSocket.accept());
			}
			catch (IOException ex) {
				// closed, or one connection failed: the pool retries
			}
		}
	}

	private void connect(Socket client) throws IOException {
		Socket server = new Socket();
		try {
			server.connect(this.target);
		}
		catch (IOException ex) {
			client.close();
			throw ex;
		}
		client.setTcpNoDelay(true);
		server.setTcpNoDelay(true);
		String name = "latency-proxy-" + client.getPort();
		BlockingQueue<Chunk> toServer = new LinkedBlockingQueue<>();
		daemon(name + "-read", () -> read(client, server, toServer)).start();
		daemon(name + "-delay", () -> writeDelayed(toServer, client, server)).start();
		daemon(name + "-reply", () -> forward(server, client)).start();
	}

	/** Reads the client's chunks into the queue, each stamped with its arrival time. */
	private void read(Socket client, Socket server, BlockingQueue<Chunk> queue) {
		byte[] buffer = new byte[BUFFER_SIZE];
		try (InputStream in = client.getInputStream()) {
			for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
				queue.add(new Chunk(System.nanoTime(), Arrays.copyOf(buffer, count)));
			}
		}
		catch (IOException ex) {
			closeQuietly(server);
		}
		queue.add(END);
	}

	/**
	 * Writes each queued chunk to the server once its delay has passed. A parked thread wakes up
	 * late (by 80 to 110 µs on a 2-core Linux machine), so the thread parks until the deadline
	 * minus the running mean of its lateness, and the chunks leave at their deadlines on average.
	 * Each wake-up counts as at most half the delay late: a stall of the thread (its start, a
	 * pause of the machine) would otherwise bring the wake-up before the chunk's arrival, where
	 * no wake-up measures the lateness again, and the delay would be lost for good.
	 */
	private void writeDelayed(BlockingQueue<Chunk> queue, Socket client, Socket server) {
		long lateness = 0;
		try {
			OutputStream out = server.getOutputStream();
			for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
				long wakeUp = chunk.arrivalNanos + this.delayNanos - lateness;
				if (wakeUp > System.nanoTime()) {
					for (long wait = wakeUp - System.nanoTime(); wait > 0; wait = wakeUp - System.nanoTime()) {
						LockSupport.parkNanos(wait);
					}
					long late = Math.min(System.nanoTime() - wakeUp, this.delayNanos / 2);
					lateness += (late - lateness) / LATENESS_WEIGHT;
				}
				out.write(chunk.bytes);
			}
			server.shutdownOutput();
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(server);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Forwards the server's data to the client as it comes, and closes both at its end. */
	private static void forward(Socket server, Socket client) {
		byte[] buffer = new byte[BUFFER_SIZE];
		try (InputStream in = server.getInputStream()) {
			OutputStream out = client.getOutputStream();
			for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
				out.write(buffer, 0, count);
			}
		}
		catch (IOException ex) {
			// closed by the other thread, or broken: close both ends below
		}
		closeQuietly(client);
		closeQuietly(server);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing: nothing left to do
		}
	}

	private static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/** Bytes read from the client at {@code arrivalNanos} ({@link System#nanoTime()}). */
	private record Chunk(long arrivalNanos, byte[] bytes) {
	}

}
