package io.github.bulklazy.benchmarks;

/**
 * The databases measured. PostgreSQL is reached over TCP on loopback; point it elsewhere with
 * {@code -Dbulklazy.bench.postgresql.url=...} ({@code .username}, {@code .password}).
 */
public enum Database {

	H2("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", ""),

	POSTGRESQL(System.getProperty("bulklazy.bench.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"),
			System.getProperty("bulklazy.bench.postgresql.username", "postgres"),
			System.getProperty("bulklazy.bench.postgresql.password", ""));

	final String url;

	final String username;

	final String password;

	Database(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

}
