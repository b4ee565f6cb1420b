/**
 * The seam between the engine and Hibernate's internals: {@link io.github.bulklazy.hibernate.internal.HibernateAccess}
 * and what it builds. Not an API for applications.
 */
@NullMarked
package io.github.bulklazy.hibernate.internal;

import org.jspecify.annotations.NullMarked;
