package io.github.bulklazy.hibernate;

/**
 * What bulk-lazy does when it sees a remaining N+1: a lazy association loaded one key at a time
 * a second time in the same session.
 */
public enum OnRemainingNPlusOne {

	/** Records it for the endpoint and the test assertions only. */
	IGNORE,

	/**
	 * Also logs a warning, once per association and call site: a remaining N+1 costs a statement
	 * per entity, and one line per place in the code stays readable however often the place runs.
	 */
	LOG,

	/**
	 * Also throws {@link RemainingNPlusOneException} before the load runs, as Rails'
	 * {@code strict_loading} does: meant for tests.
	 */
	FAIL;

	/**
	 * The action a setting names, in any case.
	 * @throws IllegalArgumentException naming the valid values
	 */
	public static OnRemainingNPlusOne of(String value) {
		return SettingChoices.parse(OnRemainingNPlusOne.class, value);
	}

}
