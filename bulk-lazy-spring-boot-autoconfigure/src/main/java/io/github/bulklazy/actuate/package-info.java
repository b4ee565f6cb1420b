/**
 * The {@code bulklazy} Actuator endpoint.
 */
@NullMarked
package io.github.bulklazy.actuate;

import org.jspecify.annotations.NullMarked;
