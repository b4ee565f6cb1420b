/**
 * Bulk lazy loading for Hibernate: the {@link io.github.bulklazy.BulkLazy} annotation applications use.
 */
@NullMarked
package io.github.bulklazy;

import org.jspecify.annotations.NullMarked;
