package io.github.bulklazy.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails each test of the class, or the test method, that ran more statements than this; its
 * {@code @BeforeEach} and {@code @AfterEach} methods do not count.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BulkLazyExtension.class)
public @interface MaxStatements {

	/** The most statements the test may run. */
	int value();

}
