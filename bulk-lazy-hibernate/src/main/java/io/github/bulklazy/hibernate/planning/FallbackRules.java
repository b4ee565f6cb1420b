package io.github.bulklazy.hibernate.planning;

import java.util.Arrays;

import io.github.bulklazy.hibernate.Association.Reason;
import org.hibernate.MappingException;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.OneToOne;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.jspecify.annotations.Nullable;

/**
 * Why a lazy association of the boot model is left to plain Hibernate because of its mapping, or
 * {@code null} when bulk-lazy can load it: one {@link Reason} per rule.
 */
final class FallbackRules {

	private final Metadata metadata;

	private final ProxyTypes proxyTypes;

	private final Capabilities capabilities;

	/**
	 * What the session factory lets bulk-lazy do.
	 * @param defaultBatchFetchSize {@code hibernate.default_batch_fetch_size}
	 * @param enhancedProxiesLoadable whether the factory's batch loader factory is bulk-lazy's,
	 * which bulk-lazy loads enhanced proxies through
	 * @param standardPersisters whether bulk-lazy's resolver chooses the persister classes, so that
	 * bulk-lazy's persisters may take the standard ones' place
	 * @param defersLoadedWithOwner whether the running Hibernate is a line bulk-lazy defers the
	 * to-ones loaded with their owner on
	 */
	record Capabilities(int defaultBatchFetchSize, boolean enhancedProxiesLoadable, boolean standardPersisters,
			boolean defersLoadedWithOwner) {
	}

	FallbackRules(Metadata metadata, ProxyTypes proxyTypes, Capabilities capabilities) {
		this.metadata = metadata;
		this.proxyTypes = proxyTypes;
		this.capabilities = capabilities;
	}

	/**
	 * Why a to-one is left to Hibernate.
	 * @param path the attribute's name, or its path through embeddables
	 */
	@Nullable Reason of(PersistentClass owner, String path, Property property, ToOne toOne) {
		PersistentClass target = this.metadata.getEntityBinding(toOne.getReferencedEntityName());
		if (!ToOneMappings.makesProxy(toOne) && toOne.isReferenceToPrimaryKey()
				&& (ProxyTypes.holdsToOne(target.getIdentifier())
						|| ProxyTypes.holdsToOne(target.getIdentifierMapper()))) {
			return Reason.ASSOCIATION_IN_TARGET_ID;
		}
		if (toOne instanceof OneToOne) {
			if (ToOneMappings.makesProxy(toOne)) {
				return ofTarget(target);
			}
			// loaded by the owner's id: the target's own, or the key of the target's owning to-one
			return (owner.getIdentifier().getColumnSpan() != 1) ? Reason.INVERSE_ONE_TO_ONE
					: ofLoadedWithOwner(owner, path, property, target);
		}
		if (!toOne.isReferenceToPrimaryKey()) {
			// loaded by the value of one column of the target's
			return isSingleColumnProperty(target, toOne.getReferencedPropertyName())
					? ofLoadedWithOwner(owner, path, property, target) : Reason.NON_PRIMARY_KEY_JOIN;
		}
		return toOne.isLazy() ? ofTarget(target) : ofLoadedWithOwner(owner, path, property, target);
	}

	/** Why the collections of a role are left to Hibernate. */
	@Nullable Reason of(Collection collection) {
		if (collection.getBatchSize() > 0) {
			return Reason.BATCH_SIZE;
		}
		if (collection.isSubselectLoadable()) {
			return Reason.SUBSELECT;
		}
		if (collection.getLoaderName() != null) {
			return Reason.CUSTOM_LOADER;
		}
		if (collection.getReferencedPropertyName() != null) {
			return Reason.NON_PRIMARY_KEY_JOIN;
		}
		String element = ProxyTypes.targetOf(collection);
		if (!collection.isLazy() && element != null
				&& this.proxyTypes.mixesProxyTypes(this.metadata.getEntityBinding(element))) {
			return Reason.MIXED_PROXY_TYPES;
		}
		return batchFetchSizeReason();
	}

	/** Why an entity's proxies are left to Hibernate, whatever reached them. */
	@Nullable Reason ofTarget(PersistentClass target) {
		if (target.getBatchSize() > 0) {
			return Reason.BATCH_SIZE;
		}
		if (target.getLoaderName() != null) {
			return Reason.CUSTOM_LOADER;
		}
		if (isEnhancedProxy(target) && !this.capabilities.enhancedProxiesLoadable()) {
			return Reason.ENHANCED_PROXY;
		}
		if (isEnhancedProxy(target) && this.proxyTypes.isEagerTarget(target.getEntityName())) {
			return Reason.ENHANCED_EAGER_TARGET;
		}
		return batchFetchSizeReason();
	}

	/**
	 * Why a to-one Hibernate loads with its owner (EAGER, by unique key, an inverse one-to-one) is
	 * left to Hibernate. bulk-lazy's persisters defer the to-ones an entity declares, written to
	 * their fields once the query's rows are read; loading the targets then, instead of while the
	 * rows are read, must not change which proxies the session makes.
	 */
	private @Nullable Reason ofLoadedWithOwner(PersistentClass owner, String path, Property property,
			PersistentClass target) {
		if (path.contains(".") || property.isNaturalIdentifier()) {
			return Reason.EAGER;
		}
		if (!this.capabilities.standardPersisters() || hasPersisterAnnotation(owner)) {
			return Reason.CUSTOM_PERSISTER;
		}
		if (owner.getRootClass().isCached()) {
			return Reason.CACHED_OWNER;
		}
		if (!"field".equals(property.getPropertyAccessorName()) || isEnhanced(owner)) {
			return Reason.OWNER_ACCESS;
		}
		if (target.getBatchSize() > 0) {
			return Reason.BATCH_SIZE;
		}
		if (target.getLoaderName() != null) {
			return Reason.CUSTOM_LOADER;
		}
		if (this.proxyTypes.meetsLazilyReachedHierarchy(target)) {
			return Reason.LAZILY_REACHED_HIERARCHY;
		}
		return this.capabilities.defersLoadedWithOwner() ? batchFetchSizeReason() : Reason.HIBERNATE_6;
	}

	private @Nullable Reason batchFetchSizeReason() {
		return (this.capabilities.defaultBatchFetchSize() > 1) ? Reason.DEFAULT_BATCH_FETCH_SIZE : null;
	}

	/**
	 * Whether Hibernate uses the entity's own instances as its proxies: an enhanced entity outside
	 * any inheritance hierarchy.
	 */
	static boolean isEnhancedProxy(PersistentClass entity) {
		return entity.getRootClass() == entity && !entity.hasSubclasses() && isEnhanced(entity);
	}

	private static boolean isEnhanced(PersistentClass entity) {
		return entity.getMappedClass() != null
				&& PersistentAttributeInterceptable.class.isAssignableFrom(entity.getMappedClass());
	}

	/** Whether the entity has a property of that name, of one column, not made up by Hibernate. */
	private static boolean isSingleColumnProperty(PersistentClass entity, @Nullable String name) {
		try {
			Property property = (name != null) ? entity.getReferencedProperty(name) : null;
			return property != null && !property.isSynthetic() && property.getColumnSpan() == 1;
		}
		catch (MappingException ex) {
			return false;
		}
	}

	/** Whether the entity names its persister with {@code @Persister}, which Hibernate 6.6 still has. */
	private static boolean hasPersisterAnnotation(PersistentClass entity) {
		return entity.getMappedClass() != null && Arrays.stream(entity.getMappedClass().getAnnotations())
			.anyMatch((annotation) -> annotation.annotationType()
				.getName()
				.equals("org.hibernate.annotations.Persister"));
	}

}
