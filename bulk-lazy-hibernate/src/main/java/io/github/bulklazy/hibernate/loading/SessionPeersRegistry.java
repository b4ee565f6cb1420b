package io.github.bulklazy.hibernate.loading;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import io.github.bulklazy.hibernate.PeerScope;
import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link SessionPeers} of a session without keeping the session or its peers alive.
 * The peers are held by the session itself, through a listener registered on it, and the
 * registry refers to both weakly: the peers live exactly as long as the session, which the
 * garbage collector reclaims when the application drops it, closed or not.
 */
final class SessionPeersRegistry {

	private final PeerScope scope;

	private final Map<SharedSessionContractImplementor, WeakReference<SessionPeers>> bySession = Collections
		.synchronizedMap(new WeakHashMap<>());

	SessionPeersRegistry(PeerScope scope) {
		this.scope = scope;
	}

	/** The peers of the session, or {@code null} if none was recorded yet. */
	@Nullable SessionPeers find(SharedSessionContractImplementor session) {
		WeakReference<SessionPeers> reference = this.bySession.get(session);
		return (reference != null) ? reference.get() : null;
	}

	/** The peers of the session, created and attached to it on first use. */
	SessionPeers findOrCreate(SharedSessionContractImplementor session) {
		SessionPeers peers = find(session);
		if (peers == null) {
			peers = new SessionPeers(this.scope);
			this.bySession.put(session, new WeakReference<>(peers));
			session.getEventListenerManager().addListener(new Holder(this, session, peers));
		}
		return peers;
	}

	/**
	 * Holds a session's peers for as long as the session holds it, tells them of each statement,
	 * and forgets them when the session ends.
	 */
	private static final class Holder implements SessionEventListener {

		private final transient SessionPeersRegistry registry;

		private final transient SharedSessionContractImplementor session;

		private final transient SessionPeers peers;

		Holder(SessionPeersRegistry registry, SharedSessionContractImplementor session, SessionPeers peers) {
			this.registry = registry;
			this.session = session;
			this.peers = peers;
		}

		@Override
		public void jdbcExecuteStatementStart() {
			this.peers.loadStarted();
		}

		@Override
		public void end() {
			this.peers.clear();
			this.registry.bySession.remove(this.session);
		}

	}

}
