package io.github.bulklazy.benchmarks;

/**
 * The databases measured. PostgreSQL and MariaDB are reached over TCP on loopback; point them
 * elsewhere with {@code -Dbulklazy.bench.postgresql.url=...} ({@code .username}, {@code .password})
 * and {@code -Dbulklazy.bench.mariadb.*}.
 */
public enum Database {

	H2("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", ""),

	POSTGRESQL(System.getProperty("bulklazy.bench.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test"),
			System.getProperty("bulklazy.bench.postgresql.username", "postgres"),
			System.getProperty("bulklazy.bench.postgresql.password", "")),

	MARIADB(System.getProperty("bulklazy.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test"),
			System.getProperty("bulklazy.bench.mariadb.username", "root"),
			System.getProperty("bulklazy.bench.mariadb.password", ""));

	final String url;

	final String username;

	final String password;

	Database(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

}
