package io.github.bulklazy.hibernate.loading;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.hibernate.CallSites;
import io.github.bulklazy.hibernate.OnRemainingNPlusOne;
import io.github.bulklazy.hibernate.PeerScope;
import io.github.bulklazy.hibernate.RemainingNPlusOne;
import io.github.bulklazy.hibernate.RemainingNPlusOneException;
import io.github.bulklazy.hibernate.RemainingNPlusOneListener;
import io.github.bulklazy.hibernate.RemainingNPlusOneLog;
import org.jboss.logging.Logger;

/**
 * Tells the remaining N+1 of one session factory: the one-key loads of an association after the
 * first in a session. Walks the stack only for those loads, and keeps a bounded count by
 * association and call site.
 */
public final class RemainingNPlusOnes implements RemainingNPlusOneLog {

	/** The call sites counted apart, at most; more are counted under {@link #OTHER_CALL_SITES}. */
	static final int MAX_CALL_SITES = 100;

	static final String OTHER_CALL_SITES = "(other call sites)";

	private static final Logger logger = Logger.getLogger(RemainingNPlusOnes.class);

	private final OnRemainingNPlusOne action;

	private final List<RemainingNPlusOneListener> listeners;

	private final Map<RemainingNPlusOne, LongAdder> counts = new ConcurrentHashMap<>();

	private final PeerScope scope;

	/** @param scope the peers a bulk load takes, which the fix of a load alone names */
	public RemainingNPlusOnes(OnRemainingNPlusOne action, PeerScope scope, List<RemainingNPlusOneListener> listeners) {
		this.action = action;
		this.scope = scope;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public List<Count> mostFrequent() {
		return this.counts.entrySet()
			.stream()
			.map((entry) -> new Count(entry.getKey(), entry.getValue().sum()))
			.sorted(Comparator.comparingLong(Count::loads).reversed())
			.toList();
	}

	/**
	 * Notes a load of one key, and reports it if its association already loaded one key in the
	 * session: to the listeners, then in the log or by throwing, as the action says.
	 * @throws RemainingNPlusOneException if it is reported and the action is {@code fail}; the
	 * load has not run
	 */
	void loadedOneKey(Association association, OneKeyLoad load, SessionPeers peers) {
		if (peers.firstOneKeyLoad(association.name())) {
			return;
		}
		RemainingNPlusOne remaining = remaining(association, load, peers.isSwitchedOff());
		LongAdder count = this.counts.get(remaining);
		if (count == null) {
			RemainingNPlusOne counted = (this.counts.size() < MAX_CALL_SITES) ? remaining
					: new RemainingNPlusOne(remaining.association(), remaining.reason(), remaining.fix(), OTHER_CALL_SITES);
			LongAdder added = new LongAdder();
			count = this.counts.putIfAbsent(counted, added);
			if (count == null) {
				count = added;
				if (this.action == OnRemainingNPlusOne.LOG) {
					logger.warnf("bulk-lazy: %s", remaining.describe());
				}
			}
		}
		count.increment();
		for (RemainingNPlusOneListener listener : this.listeners) {
			listener.remainingNPlusOne(remaining);
		}
		if (this.action == OnRemainingNPlusOne.FAIL) {
			throw new RemainingNPlusOneException(remaining);
		}
	}

	private RemainingNPlusOne remaining(Association association, OneKeyLoad load, boolean switchedOff) {
		String callSite = CallSites.current();
		if (switchedOff) {
			return new RemainingNPlusOne(association.name(), "switched-off", "bulk loading is switched off for "
					+ "this session or block (BulkLoading): switch it on around the loop", callSite);
		}
		if (load == OneKeyLoad.ALONE && this.scope == PeerScope.QUERY) {
			return new RemainingNPlusOne(association.name(), "loaded-alone", "no peer from the same query was waiting "
					+ "(bulk-lazy.scope=query): load its owners with one query, or set bulk-lazy.scope=session",
					callSite);
		}
		if (load == OneKeyLoad.ALONE) {
			return new RemainingNPlusOne(association.name(), "loaded-alone", "no peer was waiting: its owners reached "
					+ "the session one at a time, each read before the next; load them with one query, or make "
					+ "the references before reading them", callSite);
		}
		if (load == OneKeyLoad.REMOVAL_PENDING) {
			return new RemainingNPlusOne(association.name(), "removal-pending", "the session held a removal it had "
					+ "not flushed, so its peers waited; flush before the loop", callSite);
		}
		Reason reason = association.reason();
		if (association.mode() == Mode.BULK || reason == null) {
			return new RemainingNPlusOne(association.name(), "loader-failed",
					"its bulk loader could not be built: see the warning logged with the cause", callSite);
		}
		return new RemainingNPlusOne(association.name(), reason.tag(), fix(reason), callSite);
	}

	private static String fix(Reason reason) {
		return switch (reason) {
			case EXCLUDED -> "include it: remove it from bulk-lazy.exclude, or the @BulkLazy(false)";
			case BATCH_SIZE -> "remove the @BatchSize, so that bulk-lazy loads it";
			case DEFAULT_BATCH_FETCH_SIZE -> "remove hibernate.default_batch_fetch_size, so that bulk-lazy loads it";
			case SUBSELECT -> "remove the @Fetch(SUBSELECT), so that bulk-lazy loads it";
			default -> "bulk-lazy leaves it to Hibernate (" + reason.description()
					+ "); fetch it with the query that loads its owners";
		};
	}

	/** How a load of one key came about. */
	enum OneKeyLoad {

		/** Hibernate loads it: the association is not bulk-loaded, or its loader failed. */
		LEFT_TO_HIBERNATE,

		/** bulk-lazy loads it, and no peer was waiting. */
		ALONE,

		/** It loads alone while the session holds a removal it has not flushed. */
		REMOVAL_PENDING

	}

}
