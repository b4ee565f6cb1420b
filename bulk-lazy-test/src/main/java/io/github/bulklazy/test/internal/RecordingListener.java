package io.github.bulklazy.test.internal;

import io.github.bulklazy.hibernate.RemainingNPlusOne;
import io.github.bulklazy.hibernate.RemainingNPlusOneListener;

/** Hands the remaining N+1 of every session factory to the open recordings; found by {@code ServiceLoader}. */
public final class RecordingListener implements RemainingNPlusOneListener {

	@Override
	public void remainingNPlusOne(RemainingNPlusOne remaining) {
		Sinks.remainingNPlusOne(remaining);
	}

}
