package io.github.bulklazy.hibernate.loading;

import org.hibernate.event.spi.ClearEvent;
import org.hibernate.event.spi.ClearEventListener;
import org.hibernate.event.spi.EvictEvent;
import org.hibernate.event.spi.EvictEventListener;
import org.hibernate.event.spi.InitializeCollectionEvent;
import org.hibernate.event.spi.InitializeCollectionEventListener;
import org.hibernate.event.spi.LoadEvent;
import org.hibernate.event.spi.LoadEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;

/** Hands Hibernate's events to the {@link BulkLoader} of the session factory. */
final class BulkLazyListener implements PostLoadEventListener, LoadEventListener, InitializeCollectionEventListener,
		EvictEventListener, ClearEventListener {

	private final BulkLoader loader;

	BulkLazyListener(BulkLoader loader) {
		this.loader = loader;
	}

	BulkLoader loader() {
		return this.loader;
	}

	@Override
	public void onPostLoad(PostLoadEvent event) {
		this.loader.entityLoaded(event.getSession(), event.getEntity());
	}

	@Override
	public void onLoad(LoadEvent event, LoadType loadType) {
		if (loadType == LoadEventListener.GET) {
			this.loader.entityRequested(event.getSession());
		}
		else if (loadType == LoadEventListener.IMMEDIATE_LOAD) {
			this.loader.proxyInitializing(event.getSession(), event.getEntityClassName(), event.getEntityId(),
					event.getLockOptions().getLockMode(), event.getReadOnly());
		}
	}

	/**
	 * Runs after Hibernate's own load listeners, when a {@code getReference} has its result: records
	 * the proxy it returned.
	 */
	static final class References implements LoadEventListener {

		private final BulkLoader loader;

		References(BulkLoader loader) {
			this.loader = loader;
		}

		@Override
		public void onLoad(LoadEvent event, LoadType loadType) {
			if (loadType == LoadEventListener.LOAD) {
				this.loader.referenceReturned(event.getSession(), event.getResult());
			}
		}

	}

	@Override
	public void onInitializeCollection(InitializeCollectionEvent event) {
		this.loader.collectionInitializing(event.getSession(), event.getCollection());
	}

	@Override
	public void onEvict(EvictEvent event) {
		this.loader.entityEvicted(event.getSession(), event.getObject());
	}

	@Override
	public void onClear(ClearEvent event) {
		this.loader.sessionCleared(event.getSession());
	}

}
