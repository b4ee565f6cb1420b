package io.github.bulklazy.hibernate;

/**
 * Which waiting peers a bulk load takes with the proxy or collection being read.
 */
public enum PeerScope {

	/** Every peer of the session: the fewest statements, whatever loaded the entities. */
	SESSION,

	/**
	 * Only the peers that came from the same query, collection load or bulk load as the one
	 * being read, as Django's {@code FETCH_PEERS} scopes them: for sessions that hold many
	 * entities of a type but read an association of a few. An entity belongs to the statement
	 * that first loaded it into the session, with the EAGER targets bulk-lazy loads after that
	 * statement's rows; the statements of one bulk load count as one; each {@code find} is a scope
	 * of its own, and so are the {@code getReference} proxies made between two loads. A proxy that
	 * entities of several scopes name belongs to the latest.
	 */
	QUERY;

	/**
	 * The scope a setting names, in any case.
	 * @throws IllegalArgumentException naming the valid values
	 */
	public static PeerScope of(String value) {
		return SettingChoices.parse(PeerScope.class, value);
	}

}
