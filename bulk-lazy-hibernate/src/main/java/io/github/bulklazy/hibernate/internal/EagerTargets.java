package io.github.bulklazy.hibernate.internal;

import java.util.List;
import java.util.Set;

import org.hibernate.event.spi.EventSource;

/** The engine's side of a {@link DeferredEagerToOne}: loads the targets a result's rows name. */
public interface EagerTargets {

	/**
	 * Loads those of the targets the session does not hold yet, in one statement per chunk.
	 * @param ids distinct, in the order the rows named them
	 * @return the ids whose rows the statements did not find
	 */
	Set<Object> load(List<Object> ids, EventSource session);

	/**
	 * Builds the select it loads with, if any of its own, once every deferred to-one is attached:
	 * the select then defers the to-ones of the targets it loads.
	 */
	default void buildSelect() {
	}

}
