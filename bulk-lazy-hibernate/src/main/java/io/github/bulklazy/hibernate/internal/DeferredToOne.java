package io.github.bulklazy.hibernate.internal;

import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * A to-one Hibernate loads as it reads its owner (EAGER, or by unique key), built by bulk-lazy's
 * persisters: it loads as in plain Hibernate until the engine attaches the {@link EagerTargets}
 * that load the targets of a whole result after its rows.
 */
public interface DeferredToOne {

	/** Has the engine load the targets from now on, or, given {@code null}, plain Hibernate again. */
	void attach(@Nullable EagerTargets targets);

	/** The target entity. */
	EntityPersister target();

	/** The target's property the to-one joins on, or {@code null} when it joins on the target's id. */
	@Nullable String uniqueKeyProperty();

}
