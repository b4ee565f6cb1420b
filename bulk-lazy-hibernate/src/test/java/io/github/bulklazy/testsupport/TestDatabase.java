package io.github.bulklazy.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on. H2 runs in memory; PostgreSQL and MariaDB are reached through
 * the {@code bulklazy.test.<database>.url|username|password} system properties (set by the build
 * to the local services). A database that cannot be reached skips its tests and is reported at
 * the end of the run, except under CI ({@code CI=true}), where it fails them.
 */
public enum TestDatabase {

	H2("H2", "jdbc:h2:mem:bulklazy;DB_CLOSE_DELAY=-1", "sa", ""),

	POSTGRESQL("PostgreSQL", property("postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"),
			property("postgresql.username", "postgres"), property("postgresql.password", "")),

	MARIADB("MariaDB", property("mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"),
			property("mariadb.username", "root"), property("mariadb.password", ""));

	static final Map<TestDatabase, String> unreachable = new ConcurrentHashMap<>();

	private final String displayName;

	private final String url;

	private final String username;

	private final String password;

	private volatile Boolean reachable;

	TestDatabase(String displayName, String url, String username, String password) {
		this.displayName = displayName;
		this.url = url;
		this.username = username;
		this.password = password;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	@Override
	public String toString() {
		return this.displayName;
	}

	/** Skips the calling test when the database cannot be reached, or fails it under CI. */
	public void assumeReachable() {
		if (this.reachable == null) {
			try (Connection connection = DriverManager.getConnection(this.url, this.username, this.password)) {
				this.reachable = connection.isValid(5);
			}
			catch (SQLException ex) {
				this.reachable = false;
				unreachable.put(this, this.url + ": " + ex.getMessage());
			}
		}
		if (!this.reachable) {
			String message = this.displayName + " is not reachable at " + this.url;
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + " (CI=true: a database that is down fails the build)");
			}
			Assumptions.abort(message);
		}
	}

	private static String property(String name, String defaultValue) {
		return System.getProperty("bulklazy.test." + name, defaultValue);
	}

}
