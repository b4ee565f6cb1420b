package io.github.bulklazy.hibernate;

import java.util.List;

/** The remaining N+1 of one session factory so far, by association and call site. */
public interface RemainingNPlusOneLog {

	/**
	 * The places counted so far, most loads first. Bounded: past a hundred places, new ones are
	 * counted under their association with the call site {@code (other call sites)}.
	 */
	List<Count> mostFrequent();

	/**
	 * One place of a remaining N+1 and how often it loaded one key at a time again.
	 *
	 * @param remaining the association, reason, fix and call site
	 * @param loads the one-key loads counted there: every one after the first of its association in a session
	 */
	record Count(RemainingNPlusOne remaining, long loads) {
	}

}
