package io.github.bulklazy.benchmarks;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases measured. PostgreSQL and MariaDB are reached over TCP on loopback; point them
 * elsewhere with {@code -Dbulklazy.bench.postgresql.url=...} ({@code .username}, {@code .password})
 * and {@code -Dbulklazy.bench.mariadb.*}.
 */
public enum Database {

	H2("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "", 0),

	POSTGRESQL(System.getProperty("bulklazy.bench.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"),
			System.getProperty("bulklazy.bench.postgresql.username", "postgres"),
			System.getProperty("bulklazy.bench.postgresql.password", ""), 5432),

	MARIADB(System.getProperty("bulklazy.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"),
			System.getProperty("bulklazy.bench.mariadb.username", "root"),
			System.getProperty("bulklazy.bench.mariadb.password", ""), 3306);

	/** {@code jdbc:<driver>://<host>[:<port>]<the rest>}: a single-host URL of a database server. */
	private static final Pattern SERVER_URL = Pattern.compile("(jdbc:[a-z]+://)([^/:?]+)(?::(\\d+))?(.*)");

	final String url;

	final String username;

	final String password;

	/** The server's port when the URL names none; 0 for a database in memory. */
	private final int defaultPort;

	Database(String url, String username, String password, int defaultPort) {
		this.url = url;
		this.username = username;
		this.password = password;
		this.defaultPort = defaultPort;
	}

	/** Whether the database is reached over TCP, so that a proxy can delay it. */
	boolean overNetwork() {
		return this.defaultPort > 0;
	}

	/** The host and port of the server. */
	InetSocketAddress address() {
		Matcher url = serverUrl();
		return new InetSocketAddress(url.group(2), (url.group(3) != null) ? Integer.parseInt(url.group(3)) : this.defaultPort);
	}

	/** The URL of the same database reached through {@code port} of loopback. */
	String urlThrough(int port) {
		Matcher url = serverUrl();
		return url.group(1) + "127.0.0.1:" + port + url.group(4);
	}

	private Matcher serverUrl() {
		Matcher url = SERVER_URL.matcher(this.url);
		if (!overNetwork() || !url.matches()) {
			throw new IllegalArgumentException(this + " is not reached at one host and port: " + this.url);
		}
		return url;
	}

}
