/**
 * Test support for bulk-lazy: {@link io.github.bulklazy.test.Recording} of what a block runs,
 * {@link io.github.bulklazy.test.BulkLazyAssertions} on it, and the JUnit 5
 * {@link io.github.bulklazy.test.BulkLazyExtension}.
 */
@NullMarked
package io.github.bulklazy.test;

import org.jspecify.annotations.NullMarked;
