/**
 * Planning: reads Hibernate's boot model and decides, for every lazy association, whether
 * bulk-lazy loads it, and the chunk sizes. No Hibernate internals.
 */
@NullMarked
package io.github.bulklazy.hibernate.planning;

import org.jspecify.annotations.NullMarked;
