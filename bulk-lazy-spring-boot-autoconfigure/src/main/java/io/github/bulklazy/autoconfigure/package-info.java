/**
 * Spring Boot auto-configuration of bulk lazy loading, its meters and its Actuator endpoint.
 */
@NullMarked
package io.github.bulklazy.autoconfigure;

import org.jspecify.annotations.NullMarked;
