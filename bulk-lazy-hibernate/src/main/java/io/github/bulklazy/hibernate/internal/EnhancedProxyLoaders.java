package io.github.bulklazy.hibernate.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.LockOptions;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.loader.ast.internal.SingleIdEntityLoaderStandardImpl;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.loader.ast.spi.CollectionBatchLoader;
import org.hibernate.loader.ast.spi.EntityBatchLoader;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.jspecify.annotations.Nullable;

/**
 * Hibernate's batch loader factory, except for the entities whose enhanced proxies bulk-lazy
 * loads. Hibernate initializes a bytecode-enhanced entity used as its own proxy without a load
 * event: it calls the entity's loader directly, and the only loader it lets a service choose is
 * the batch loader of a batch-loadable entity. The integrator makes those entities batch-loadable
 * and registers them here, until their factory closes; their loader hands the read of an enhanced
 * proxy to the engine ({@link EnhancedProxyReads}), which loads it with its peers, and does every
 * other load (by id, under
 * a lock, of an enhanced proxy the engine did not load: not recorded, cached, or met while a bulk
 * load of the entity runs) as Hibernate's single-id loader does.
 */
final class EnhancedProxyLoaders implements BatchLoaderFactory {

	private final BatchLoaderFactory hibernate;

	private final Map<SessionFactoryImplementor, Registration> registrations = new ConcurrentHashMap<>();

	EnhancedProxyLoaders(BatchLoaderFactory hibernate) {
		this.hibernate = hibernate;
	}

	private record Registration(Set<String> entityNames, EnhancedProxyReads reads) {
	}

	/** Has the engine load the enhanced proxies of these entities of a session factory being built. */
	void register(SessionFactoryImplementor factory, Set<String> entityNames, EnhancedProxyReads reads) {
		this.registrations.put(factory, new Registration(Set.copyOf(entityNames), reads));
	}

	void unregister(SessionFactoryImplementor factory) {
		this.registrations.remove(factory);
	}

	@Override
	public <T> EntityBatchLoader<T> createEntityBatchLoader(int domainBatchSize, EntityMappingType entityDescriptor,
			LoadQueryInfluencers loadQueryInfluencers) {
		Registration registration = this.registrations.get(entityDescriptor.getEntityPersister().getFactory());
		if (registration != null && registration.entityNames().contains(entityDescriptor.getEntityName())) {
			return new Loader<>(domainBatchSize, entityDescriptor, loadQueryInfluencers, registration.reads());
		}
		return this.hibernate.createEntityBatchLoader(domainBatchSize, entityDescriptor, loadQueryInfluencers);
	}

	@Override
	public CollectionBatchLoader createCollectionBatchLoader(int domainBatchSize, LoadQueryInfluencers influencers,
			PluralAttributeMapping attributeMapping, SessionFactoryImplementor factory) {
		return this.hibernate.createCollectionBatchLoader(domainBatchSize, influencers, attributeMapping, factory);
	}

	/** The loader of an entity whose enhanced proxies bulk-lazy loads. */
	private static final class Loader<T> extends SingleIdEntityLoaderStandardImpl<T> implements EntityBatchLoader<T> {

		private final int domainBatchSize;

		private final EnhancedProxyReads engine;

		Loader(int domainBatchSize, EntityMappingType entity, LoadQueryInfluencers influencers,
				EnhancedProxyReads engine) {
			super(entity, influencers);
			this.domainBatchSize = domainBatchSize;
			this.engine = engine;
		}

		/**
		 * Loads into the given instance; when it is an enhanced proxy being read, lets the engine
		 * load it with its peers first, and loads it alone only if the engine did not.
		 */
		@Override
		@SuppressWarnings("unchecked")
		public T load(Object id, @Nullable Object entityInstance, LockOptions lockOptions, @Nullable Boolean readOnly,
				SharedSessionContractImplementor session) {
			if (entityInstance != null && session.isEventSource() && this.engine.loadWithPeers(session.asEventSource(),
					entityInstance, getLoadable().getEntityName(), id, lockOptions.getLockMode(), readOnly)) {
				return (T) entityInstance;
			}
			return super.load(id, entityInstance, lockOptions, readOnly, session);
		}

		@Override
		public int getDomainBatchSize() {
			return this.domainBatchSize;
		}

	}

}
