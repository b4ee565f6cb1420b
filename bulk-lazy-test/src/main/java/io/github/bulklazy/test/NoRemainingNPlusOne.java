package io.github.bulklazy.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails each test of the class, or the test method, after which bulk-lazy saw a remaining N+1
 * while it ran, even where the application caught the failure or it happened on another thread.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BulkLazyExtension.class)
public @interface NoRemainingNPlusOne {

}
