package io.github.bulklazy.hibernate.internal;

import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

import org.hibernate.Version;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.spi.PersisterClassResolver;
import org.hibernate.service.ServiceRegistry;
import org.jspecify.annotations.Nullable;

/**
 * What every Hibernate line shares: the entity and collection batch loaders, the services
 * bulk-lazy contributes and the deferred to-ones; each line's subclass adds the
 * {@link ArraySelect} calls of its API.
 */
abstract class SharedAccess implements HibernateAccess, ArraySelect {

	/** The Hibernate versions the build tests. */
	private static final Pattern TESTED_LINES = Pattern.compile("6\\.6\\.|7\\.[1-4]\\.");

	static HibernateAccess forRunningHibernate() {
		if (Hibernate74Access.fits()) {
			return new Hibernate74Access();
		}
		try {
			return new Hibernate71Access();
		}
		catch (ReflectiveOperationException | LinkageError newer) {
			try {
				return new Hibernate66Access();
			}
			catch (ReflectiveOperationException | LinkageError older) {
				older.addSuppressed(newer);
				throw new IllegalStateException("no implementation fits the API of Hibernate "
						+ Version.getVersionString() + ": " + older, older);
			}
		}
	}

	@Override
	public String version() {
		return Version.getVersionString();
	}

	@Override
	public boolean isTested() {
		return TESTED_LINES.matcher(version()).lookingAt();
	}

	@Override
	public boolean defersToOnesLoadedWithOwner() {
		return true;
	}

	@Override
	public boolean loadsEnhancedProxies(SessionFactoryImplementor factory) {
		return enhancedProxyLoaders(factory) != null;
	}

	@Override
	public void loadEnhancedProxies(SessionFactoryImplementor factory, Set<String> entityNames,
			EnhancedProxyReads reads) {
		EnhancedProxyLoaders loaders = enhancedProxyLoaders(factory);
		if (loaders == null) {
			throw new IllegalStateException("the batch loader factory is not bulk-lazy's");
		}
		loaders.register(factory, entityNames, reads);
	}

	@Override
	public void forget(SessionFactoryImplementor factory, ServiceRegistry serviceRegistry) {
		EnhancedProxyLoaders loaders = enhancedProxyLoaders(serviceRegistry);
		if (loaders != null) {
			loaders.unregister(factory);
		}
	}

	private static @Nullable EnhancedProxyLoaders enhancedProxyLoaders(SessionFactoryImplementor factory) {
		return enhancedProxyLoaders(factory.getServiceRegistry());
	}

	private static @Nullable EnhancedProxyLoaders enhancedProxyLoaders(ServiceRegistry serviceRegistry) {
		return (serviceRegistry.requireService(BatchLoaderFactory.class) instanceof EnhancedProxyLoaders loaders)
				? loaders : null;
	}

	@Override
	public boolean choosesPersisters(SessionFactoryImplementor factory) {
		return persisterResolver(factory) != null;
	}

	@Override
	public void deferToOnes(SessionFactoryImplementor factory, Collection<PersistentClass> owners) {
		EagerToOnePersisters.Resolver resolver = persisterResolver(factory);
		if (resolver == null) {
			throw new IllegalStateException("the persister class resolver is not bulk-lazy's");
		}
		resolver.defer(owners);
	}

	@Override
	public void stopDeferring(SessionFactoryImplementor factory, Collection<PersistentClass> owners) {
		EagerToOnePersisters.Resolver resolver = persisterResolver(factory);
		if (resolver != null) {
			resolver.forget(owners);
		}
	}

	private static EagerToOnePersisters.@Nullable Resolver persisterResolver(SessionFactoryImplementor factory) {
		return (factory.getServiceRegistry()
			.requireService(PersisterClassResolver.class) instanceof EagerToOnePersisters.Resolver resolver) ? resolver
					: null;
	}

	@Override
	public @Nullable DeferredToOne deferredToOne(EntityPersister owner, String attribute) {
		return (owner.findAttributeMapping(attribute) instanceof DeferredEagerToOne toOne) ? toOne : null;
	}

	@Override
	public EntityChunkLoader entityLoader(int size, boolean arrayParameter, EntityMappingType entity,
			LoadQueryInfluencers influencers) {
		return EntityLoaders.create(size, arrayParameter, entity, influencers);
	}

	@Override
	public CollectionChunkLoader collectionLoader(int size, boolean arrayParameter, PluralAttributeMapping attribute,
			LoadQueryInfluencers influencers) {
		return CollectionLoaders.create(size, arrayParameter ? this : null, attribute, influencers);
	}

	@Override
	public KeySelect keySelect(EntityPersister entity, BasicValuedModelPart column) {
		return new ArrayKeySelect(this, entity, column);
	}

}
