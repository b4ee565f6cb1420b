package io.github.bulklazy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Switches bulk lazy loading on or off for an entity or one association, in code.
 * <p>
 * On an association (field or getter), it decides for that association. On an entity class, it
 * decides for every association that starts from the entity or ends at it, unless the association
 * carries its own annotation. The {@code bulk-lazy.include} and {@code bulk-lazy.exclude}
 * properties override the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.FIELD, ElementType.METHOD })
public @interface BulkLazy {

	/**
	 * Whether the annotated entity or association is bulk-loaded.
	 * @return {@code false} to load it as plain Hibernate does
	 */
	boolean value() default true;

}
