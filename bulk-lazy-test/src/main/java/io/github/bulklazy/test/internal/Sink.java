package io.github.bulklazy.test.internal;

import io.github.bulklazy.hibernate.RemainingNPlusOne;

/** Receives what runs while it is {@linkplain Sinks#add added}. */
public interface Sink {

	/** A statement that reached the JDBC driver, with the application's call site. */
	void statement(String sql, String callSite);

	/** A remaining N+1 that bulk-lazy saw. */
	void remainingNPlusOne(RemainingNPlusOne remaining);

}
