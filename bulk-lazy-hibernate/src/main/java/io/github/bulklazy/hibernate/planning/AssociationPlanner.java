package io.github.bulklazy.hibernate.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.hibernate.BulkLazySettings;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;

/**
 * Reads Hibernate's boot model and decides, for every lazy association, whether bulk-lazy loads
 * it, leaves it to plain Hibernate because configuration says so ({@link Selection}), or falls
 * back because of its mapping ({@link FallbackRules}).
 */
public final class AssociationPlanner {

	private final Metadata metadata;

	private final Selection selection;

	private final FallbackRules fallbackRules;

	/**
	 * @param defaultBatchFetchSize {@code hibernate.default_batch_fetch_size}
	 * @param enhancedProxiesLoadable whether the session factory's batch loader factory is
	 * bulk-lazy's, which bulk-lazy loads enhanced proxies through
	 * @param standardPersisters whether bulk-lazy's resolver chooses the persister classes, so that
	 * bulk-lazy's persisters may take the standard ones' place
	 * @param defersLoadedWithOwner whether the running Hibernate is a line bulk-lazy defers the
	 * to-ones loaded with their owner on
	 */
	public AssociationPlanner(BulkLazySettings settings, int defaultBatchFetchSize, boolean enhancedProxiesLoadable,
			boolean standardPersisters, boolean defersLoadedWithOwner, Metadata metadata) {
		this.metadata = metadata;
		this.selection = new Selection(settings, metadata);
		this.fallbackRules = new FallbackRules(metadata, new ProxyTypes(metadata), new FallbackRules.Capabilities(
				defaultBatchFetchSize, enhancedProxiesLoadable, standardPersisters, defersLoadedWithOwner));
	}

	/** Every lazy association of the boot model with its mode and, unless bulk-loaded, the reason. */
	public List<Association> plan() {
		List<Association> associations = new ArrayList<>();
		for (PersistentClass owner : this.metadata.getEntityBindings()) {
			if (owner.isLazy()) {
				associations.add(references(owner));
			}
			for (Property property : owner.getProperties()) {
				Value value = property.getValue();
				if (value == owner.getIdentifierMapper()) {
					// the attributes of an @IdClass, which are the id's, loaded with their owner
					continue;
				}
				if (value instanceof Component component) {
					addEmbeddedAssociations(owner, property.getName(), component, associations);
				}
				else if (value instanceof ToOne || value instanceof Collection) {
					Association association = plan(owner, property.getName(), property, owner.getMappedClass(), value);
					associations.add(association);
					if (value instanceof Collection collection && collection.getElement() instanceof Component element) {
						List<Association> elementToOnes = new ArrayList<>();
						addEmbeddedAssociations(owner, property.getName(), element, elementToOnes);
						elementToOnes.forEach((toOne) -> associations.add(followingCollection(toOne, association)));
					}
				}
			}
		}
		return associations;
	}

	/**
	 * The entities used as their own proxies (bytecode-enhanced, outside any inheritance hierarchy)
	 * whose proxies the plan bulk-loads: bulk-lazy loads them through their batch loader.
	 */
	public Set<String> enhancedProxyEntities(List<Association> associations) {
		Set<String> entities = new LinkedHashSet<>();
		for (Association association : associations) {
			if (association.mode() == Mode.BULK && association.kind() != Kind.COLLECTION
					&& FallbackRules.isEnhancedProxy(this.metadata.getEntityBinding(association.targetEntity()))) {
				entities.add(association.targetEntity());
			}
		}
		return entities;
	}

	/** Every name configuration may use: the entities, and the associations they declare. */
	public Set<String> knownNames(List<Association> associations) {
		return this.selection.knownNames(associations);
	}

	/**
	 * A to-one inside the embeddable elements of a collection ({@code Member.visits.district}):
	 * bulk-lazy finds its proxies as it loads the collection, so it follows a collection left to
	 * Hibernate.
	 */
	private static Association followingCollection(Association toOne, Association collection) {
		if (toOne.mode() == Mode.BULK && collection.mode() == Mode.EXCLUDED) {
			return toOne.withMode(Mode.EXCLUDED, Reason.EXCLUDED);
		}
		if (toOne.mode() == Mode.BULK && collection.mode() == Mode.FALLBACK) {
			return toOne.withMode(Mode.FALLBACK, Reason.ELEMENTS_LEFT_TO_HIBERNATE);
		}
		return toOne;
	}

	private void addEmbeddedAssociations(PersistentClass owner, String path, Component component,
			List<Association> associations) {
		for (Property property : component.getProperties()) {
			Value value = property.getValue();
			String name = path + "." + property.getName();
			if (value instanceof Component nested) {
				addEmbeddedAssociations(owner, name, nested, associations);
			}
			else if (value instanceof ToOne || value instanceof Collection) {
				associations.add(plan(owner, name, property, component.getComponentClass(), value));
			}
		}
	}

	/**
	 * Plans an association of an entity.
	 * @param path the attribute's name, or its path through embeddables ({@code membership.school})
	 * @param property the attribute
	 * @param declaringClass the entity or embeddable class that declares the attribute
	 */
	private Association plan(PersistentClass owner, String path, Property property, Class<?> declaringClass,
			Value value) {
		// Hibernate loads the to-ones it makes no proxy for as it reads their owner, whatever their fetch type
		Kind kind = (value instanceof ToOne toOne) ? (ToOneMappings.makesProxy(toOne) ? Kind.TO_ONE : Kind.EAGER_TO_ONE)
				: Kind.COLLECTION;
		String target = ProxyTypes.targetOf(value);
		Association association = new Association(Selection.shortName(owner) + "." + path, owner.getEntityName(), path,
				kind, target, Mode.BULK, null);
		Reason reason = (value instanceof ToOne toOne) ? this.fallbackRules.of(owner, path, property, toOne)
				: this.fallbackRules.of((Collection) value);
		if (reason != null) {
			return association.withMode(Mode.FALLBACK, reason);
		}
		return this.selection.selects(owner, path, declaringClass, property.getName(), target) ? association
				: association.withMode(Mode.EXCLUDED, Reason.EXCLUDED);
	}

	/** The proxies of an entity made by {@code getReference}: selected by the entity's names and annotation. */
	private Association references(PersistentClass entity) {
		Association association = new Association(Selection.shortName(entity), entity.getEntityName(), null,
				Kind.REFERENCE, entity.getEntityName(), Mode.BULK, null);
		Reason reason = this.fallbackRules.ofTarget(entity);
		if (reason != null) {
			return association.withMode(Mode.FALLBACK, reason);
		}
		return this.selection.selectsReferences(entity) ? association
				: association.withMode(Mode.EXCLUDED, Reason.EXCLUDED);
	}

}
