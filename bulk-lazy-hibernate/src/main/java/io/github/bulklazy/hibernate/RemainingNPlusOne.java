package io.github.bulklazy.hibernate;

/**
 * A remaining N+1: a lazy association that was loaded one key at a time, with one statement per
 * entity, more than once in the same session, and the place in the application that read it.
 *
 * @param association the association as configuration names it, {@code Student.school}, or the
 * entity whose {@code getReference} proxies were read one at a time
 * @param reason why bulk-lazy did not load it with its peers: the tag of its fallback reason
 * ({@code batch-size}, {@code excluded}, ...), {@code loaded-alone} when no peer was waiting,
 * {@code switched-off} when code switched bulk loading off, {@code removal-pending} while the
 * session held a removal it had not flushed, or {@code loader-failed}
 * @param fix what would let it load in bulk
 * @param callSite the first stack frame of the application: outside the JDK, Hibernate, Spring,
 * proxies, enhanced entities and bulk-lazy
 */
public record RemainingNPlusOne(String association, String reason, String fix, String callSite) {

	/** The sentence that logs and exceptions show. */
	public String describe() {
		return "remaining N+1: " + this.association + " loaded one at a time again at " + this.callSite + " ("
				+ this.reason + "); " + this.fix;
	}

}
