package io.github.bulklazy.hibernate.loading;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.loading.RuntimeModel.CollectionSlot;
import io.github.bulklazy.hibernate.loading.RuntimeModel.Slots;
import io.github.bulklazy.hibernate.loading.RuntimeModel.ToOneSlot;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.event.spi.EventSource;
import org.jspecify.annotations.Nullable;

/**
 * Records in each session's {@link SessionPeers} the lazy proxies and collections that wait to be
 * loaded, as their owners, the elements of their collections and {@code getReference} bring them
 * into the session.
 */
final class PeerRecorder {

	private final SessionPeersRegistry sessions;

	PeerRecorder(SessionPeersRegistry sessions) {
		this.sessions = sessions;
	}

	/** Records the uninitialized lazy associations an entity just loaded holds in its slots. */
	void entityLoaded(RuntimeModel model, Slots slots, Object entity, EventSource session) {
		SessionPeers peers = recordProxies(entity, slots.toOnes(), model, null, session);
		for (CollectionSlot slot : slots.collections()) {
			if (!(slot.getter().apply(entity) instanceof PersistentCollection<?> collection)) {
				continue;
			}
			if (!collection.wasInitialized()) {
				peers = (peers != null) ? peers : this.sessions.findOrCreate(session);
				peers.addCollection(slot.role(), collection);
			}
			else if (model.elementSlotsByRole.containsKey(slot.role())) {
				// fetched with its owner
				peers = elementsLoaded(model, List.of(collection), slot.role(), peers, session);
			}
		}
	}

	/** Records a proxy that {@code getReference} returned uninitialized, with its entity's references. */
	void referenceReturned(RuntimeModel model, @Nullable Object reference, EventSource session) {
		Proxies.Waiting proxy = model.recordable(reference);
		Association association = (proxy != null) ? model.referenceAssociations.get(proxy.entityName()) : null;
		if (proxy != null && association != null) {
			this.sessions.findOrCreate(session).addReference(proxy, association);
		}
	}

	/**
	 * Records the waiting proxies inside the embeddable elements of collections of a role just
	 * loaded.
	 * @param peers the session's record, or {@code null} to create it only if a proxy waits
	 * @return the session's record, {@code null} if none was given and no proxy waits
	 */
	@Nullable SessionPeers elementsLoaded(RuntimeModel model, List<PersistentCollection<?>> collections, String role,
			@Nullable SessionPeers peers, EventSource session) {
		List<ToOneSlot> slots = model.elementSlotsByRole.get(role);
		if (slots == null) {
			return peers;
		}
		SessionPeers record = peers;
		for (PersistentCollection<?> collection : collections) {
			CollectionEntry entry = session.getPersistenceContextInternal().getCollectionEntry(collection);
			if (entry == null || !collection.wasInitialized()) {
				continue;
			}
			for (Iterator<?> entries = collection.entries(entry.getLoadedPersister()); entries.hasNext();) {
				Object entryOrElement = entries.next();
				Object element = (entryOrElement instanceof Map.Entry<?, ?> mapEntry) ? mapEntry.getValue()
						: entryOrElement;
				if (element != null) {
					record = recordProxies(element, slots, model, record, session);
				}
			}
		}
		return record;
	}

	/**
	 * Records the waiting proxies an entity or an embeddable element holds in its to-one slots.
	 * @param peers the session's record, or {@code null} to create it only if a proxy waits
	 * @return the session's record, {@code null} if none was given and no proxy waits
	 */
	private @Nullable SessionPeers recordProxies(Object holder, List<ToOneSlot> slots, RuntimeModel model,
			@Nullable SessionPeers peers, EventSource session) {
		SessionPeers record = peers;
		for (ToOneSlot slot : slots) {
			Proxies.Waiting proxy = model.recordable(slot.getter().apply(holder));
			if (proxy != null) {
				record = (record != null) ? record : this.sessions.findOrCreate(session);
				record.addProxy(proxy, slot.association());
			}
		}
		return record;
	}

}
