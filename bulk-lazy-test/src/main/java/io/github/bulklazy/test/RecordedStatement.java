package io.github.bulklazy.test;

/**
 * A statement that reached the JDBC driver.
 *
 * @param sql its SQL, as prepared
 * @param callSite the application's frame that ran it
 */
public record RecordedStatement(String sql, String callSite) {
}
