package io.github.bulklazy.hibernate.internal;

import org.hibernate.LockMode;
import org.hibernate.event.spi.EventSource;
import org.jspecify.annotations.Nullable;

/**
 * The engine's side of an enhanced proxy being read: Hibernate initializes a bytecode-enhanced
 * entity used as its own proxy without a load event, through the loader bulk-lazy's batch loader
 * factory gives it.
 */
public interface EnhancedProxyReads {

	/**
	 * Loads the instance with its waiting peers if it is an enhanced proxy the engine bulk-loads.
	 * @return whether the instance is loaded now; if not, Hibernate loads it alone
	 */
	boolean loadWithPeers(EventSource session, Object instance, String entityName, Object id, LockMode lockMode,
			@Nullable Boolean readOnly);

}
