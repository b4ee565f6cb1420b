/**
 * The bulk lazy loading engine, plain Hibernate without Spring.
 */
@NullMarked
package io.github.bulklazy.hibernate;

import org.jspecify.annotations.NullMarked;
