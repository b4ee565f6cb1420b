package io.github.bulklazy.hibernate.planning;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.bulklazy.BulkLazy;
import io.github.bulklazy.hibernate.Association;
import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.BulkLazySettings;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.jspecify.annotations.Nullable;

/**
 * Which associations the user switched on or off, by name and annotation.
 * <p>
 * An {@code Entity.association} entry covers that association; an {@code Entity} entry covers
 * every association that starts from the entity or ends at it (its to-ones and collections, and
 * the to-ones and collections of other entities that load it). Exclude wins; a non-empty include
 * leaves out everything it does not cover; without a matching entry, a {@link BulkLazy}
 * annotation on the association, then on its owner, then on its target decides.
 */
final class Selection {

	private final BulkLazySettings settings;

	private final Metadata metadata;

	/** The names of each entity, as {@link #namesOf} gives them. */
	private final Map<PersistentClass, Set<String>> namesByEntity = new HashMap<>();

	/** The annotated fields and getters each class declares, by name. */
	private final Map<Class<?>, Map<String, BulkLazy>> annotatedMembersByClass = new HashMap<>();

	Selection(BulkLazySettings settings, Metadata metadata) {
		this.settings = settings;
		this.metadata = metadata;
	}

	/**
	 * Whether an association is selected.
	 * @param path the attribute's name, or its path through embeddables
	 * @param declaringClass the entity or embeddable class that declares the attribute
	 * @param attribute the attribute's name in that class
	 */
	boolean selects(PersistentClass owner, String path, Class<?> declaringClass, String attribute,
			@Nullable String target) {
		Set<String> names = new LinkedHashSet<>(namesOf(owner));
		for (String ownerName : namesOf(owner)) {
			names.add(ownerName + "." + path);
		}
		PersistentClass targetClass = (target != null) ? this.metadata.getEntityBinding(target) : null;
		if (targetClass != null) {
			names.addAll(namesOf(targetClass));
		}
		BulkLazy annotation = annotationOf(declaringClass, attribute);
		if (annotation == null) {
			annotation = annotationOf(owner.getMappedClass());
		}
		if (annotation == null && targetClass != null) {
			annotation = annotationOf(targetClass.getMappedClass());
		}
		return selects(names, annotation);
	}

	/** Whether the proxies {@code getReference} makes of the entity are selected. */
	boolean selectsReferences(PersistentClass entity) {
		return selects(namesOf(entity), annotationOf(entity.getMappedClass()));
	}

	/** Every name configuration may use: the entities, and the associations they declare. */
	Set<String> knownNames(List<Association> associations) {
		Set<String> names = new LinkedHashSet<>();
		for (PersistentClass entity : this.metadata.getEntityBindings()) {
			names.addAll(namesOf(entity));
		}
		for (Association association : associations) {
			if (association.kind() == Kind.REFERENCE) {
				continue;
			}
			for (String owner : namesOf(this.metadata.getEntityBinding(association.ownerEntity()))) {
				names.add(owner + "." + association.attribute());
			}
		}
		return names;
	}

	/** The name configuration gives the entity first: its JPA name. */
	static String shortName(PersistentClass entity) {
		return (entity.getJpaEntityName() != null) ? entity.getJpaEntityName() : entity.getEntityName();
	}

	/** Exclude wins; a non-empty include leaves out what it does not name; then the annotation decides. */
	private boolean selects(Set<String> names, @Nullable BulkLazy annotation) {
		if (this.settings.exclude().stream().anyMatch(names::contains)) {
			return false;
		}
		if (this.settings.include().stream().anyMatch(names::contains)) {
			return true;
		}
		if (!this.settings.include().isEmpty()) {
			return false;
		}
		return annotation == null || annotation.value();
	}

	/** The names configuration may give an entity: its JPA name, entity name, simple and full class names. */
	private Set<String> namesOf(PersistentClass entity) {
		return this.namesByEntity.computeIfAbsent(entity, Selection::newNamesOf);
	}

	private static Set<String> newNamesOf(PersistentClass entity) {
		Set<String> names = new LinkedHashSet<>();
		names.add(shortName(entity));
		names.add(entity.getEntityName());
		if (entity.getMappedClass() != null) {
			names.add(entity.getMappedClass().getSimpleName());
			names.add(entity.getMappedClass().getName());
		}
		return names;
	}

	/**
	 * The annotation on the field or getter of an attribute, in the declaring class or its
	 * superclasses: the nearest class's, its field before its getter.
	 */
	private @Nullable BulkLazy annotationOf(Class<?> declaringClass, String attribute) {
		String capitalized = attribute.substring(0, 1).toUpperCase(Locale.ROOT) + attribute.substring(1);
		for (Class<?> type = declaringClass; type != null; type = type.getSuperclass()) {
			Map<String, BulkLazy> annotated = this.annotatedMembersByClass.computeIfAbsent(type,
					Selection::annotatedMembers);
			for (String member : List.of(attribute, "get" + capitalized, "is" + capitalized)) {
				BulkLazy annotation = annotated.get(member);
				if (annotation != null) {
					return annotation;
				}
			}
		}
		return null;
	}

	/** The fields and methods the class declares with {@link BulkLazy}, by name, a field before a method. */
	private static Map<String, BulkLazy> annotatedMembers(Class<?> type) {
		Map<String, BulkLazy> annotated = new HashMap<>();
		for (Method method : type.getDeclaredMethods()) {
			if (method.isAnnotationPresent(BulkLazy.class)) {
				annotated.put(method.getName(), method.getAnnotation(BulkLazy.class));
			}
		}
		for (Field field : type.getDeclaredFields()) {
			if (field.isAnnotationPresent(BulkLazy.class)) {
				annotated.put(field.getName(), field.getAnnotation(BulkLazy.class));
			}
		}
		return annotated;
	}

	private static @Nullable BulkLazy annotationOf(@Nullable Class<?> type) {
		return (type != null) ? type.getAnnotation(BulkLazy.class) : null;
	}

}
