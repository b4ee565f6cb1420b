/**
 * Micrometer meters over bulk lazy loading's counters.
 */
@NullMarked
package io.github.bulklazy.micrometer;

import org.jspecify.annotations.NullMarked;
