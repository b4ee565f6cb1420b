/**
 * How {@code bulk-lazy-test} sees what runs: the JDBC wrapping of every Hibernate session
 * factory's connections, and the listener of remaining N+1.
 */
@NullMarked
package io.github.bulklazy.test.internal;

import org.jspecify.annotations.NullMarked;
