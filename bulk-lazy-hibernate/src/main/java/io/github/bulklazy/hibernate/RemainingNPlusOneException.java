package io.github.bulklazy.hibernate;

/**
 * Thrown, with {@code on-remaining-n-plus-one} set to {@code fail}, before a lazy association
 * loads one key at a time for the second time in a session: the load it refuses has not run.
 */
public class RemainingNPlusOneException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final RemainingNPlusOne remaining;

	public RemainingNPlusOneException(RemainingNPlusOne remaining) {
		super("bulk-lazy: " + remaining.describe());
		this.remaining = remaining;
	}

	/** The association, reason, fix and call site. */
	public RemainingNPlusOne remaining() {
		return this.remaining;
	}

}
