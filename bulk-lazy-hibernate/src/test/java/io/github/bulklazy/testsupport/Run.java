package io.github.bulklazy.testsupport;

import java.util.List;

/**
 * What a unit of work returned and the statements it executed.
 *
 * @param value what the work returned
 * @param statements number of statements executed
 * @param sql the statements' SQL
 */
public record Run<T>(T value, int statements, List<String> sql) {
}
