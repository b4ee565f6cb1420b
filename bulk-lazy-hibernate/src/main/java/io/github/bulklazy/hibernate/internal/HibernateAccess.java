package io.github.bulklazy.hibernate.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.ServiceRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The one seam between the engine and Hibernate's internals, chosen once per session factory for
 * the running Hibernate line.
 *
 * @implNote Every use of an {@code org.hibernate.*.internal} type, every subclass of a Hibernate
 * class (loaders, persisters, initializers, the to-one mapping) and every check of the Hibernate
 * version lives in this package; the rest of the engine calls this interface and Hibernate's SPI
 * only. One implementation per line (6.6, 7.1 to 7.3, 7.4) holds the calls whose API differs;
 * supporting another line means one more implementation, found by {@link #forRunningHibernate()}.
 */
public interface HibernateAccess {

	/**
	 * The implementation for the running Hibernate, chosen by probing its API, newest line first.
	 * @throws IllegalStateException naming what is missing when no implementation fits
	 */
	static HibernateAccess forRunningHibernate() {
		return SharedAccess.forRunningHibernate();
	}

	/**
	 * The Hibernate types whose public constructors and methods the implementations look up by
	 * reflection, to probe the running line and to call the API that differs between lines: what a
	 * native image must keep reflective access to. Types of other lines may be missing.
	 */
	static List<String> reflectedTypes() {
		return List.of("org.hibernate.metamodel.mapping.internal.SqlTypedMappingImpl",
				"org.hibernate.metamodel.mapping.SelectableMapping", "org.hibernate.metamodel.mapping.PluralAttributeMapping",
				"org.hibernate.loader.ast.internal.MultiKeyLoadHelper", "org.hibernate.loader.ast.internal.LoaderSelectBuilder",
				"org.hibernate.sql.exec.spi.JdbcSelectExecutor", "org.hibernate.sql.exec.spi.JdbcSelect",
				"org.hibernate.sql.exec.spi.JdbcOperationQuerySelect");
	}

	/** The running Hibernate's version. */
	String version();

	/** The line whose API this implementation calls, for the start-up log: {@code Hibernate 7.4}. */
	String line();

	/** Whether the running version is of a line the build tests. */
	boolean isTested();

	/**
	 * Whether bulk-lazy defers the to-ones Hibernate loads with their owner: not on 6.6, whose
	 * loads as it reads the row pass on read-only states that a load after the rows does not.
	 */
	boolean defersToOnesLoadedWithOwner();

	/** Whether the factory's batch loader factory is bulk-lazy's, through which it loads enhanced proxies. */
	boolean loadsEnhancedProxies(SessionFactoryImplementor factory);

	/**
	 * Hands the reads of the enhanced proxies of these entities of a factory being built to the
	 * engine, until {@link #forget} the factory.
	 */
	void loadEnhancedProxies(SessionFactoryImplementor factory, Set<String> entityNames, EnhancedProxyReads reads);

	/** Forgets a factory that closes, or whose build failed: its enhanced proxies are Hibernate's again. */
	void forget(SessionFactoryImplementor factory, ServiceRegistry serviceRegistry);

	/** Whether bulk-lazy's resolver chooses the factory's persister classes. */
	boolean choosesPersisters(SessionFactoryImplementor factory);

	/**
	 * Has bulk-lazy's persisters build these entities of the boot model, their to-ones loaded with
	 * the owner as {@link DeferredToOne}s, until {@link #stopDeferring} them.
	 */
	void deferToOnes(SessionFactoryImplementor factory, Collection<PersistentClass> owners);

	void stopDeferring(SessionFactoryImplementor factory, Collection<PersistentClass> owners);

	/** The owner's to-one as bulk-lazy's persister built it, or {@code null} if Hibernate's did. */
	@Nullable DeferredToOne deferredToOne(EntityPersister owner, String attribute);

	/**
	 * A loader of up to {@code size} entity ids: one array parameter, or an IN list of
	 * {@code size} placeholders padded with nulls.
	 */
	EntityChunkLoader entityLoader(int size, boolean arrayParameter, EntityMappingType entity,
			LoadQueryInfluencers influencers);

	/**
	 * A loader of up to {@code size} collections of a role: one array parameter for a role with
	 * a key of one column without a converter, or an IN list of {@code size} placeholders.
	 */
	CollectionChunkLoader collectionLoader(int size, boolean arrayParameter, PluralAttributeMapping attribute,
			LoadQueryInfluencers influencers);

	/** The select of an entity by one array parameter bound to one of its columns. */
	KeySelect keySelect(EntityPersister entity, BasicValuedModelPart column);

}
