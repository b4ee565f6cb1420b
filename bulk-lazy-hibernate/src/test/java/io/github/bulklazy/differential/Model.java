package io.github.bulklazy.differential;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.bulklazy.differential.model.Animal;
import io.github.bulklazy.differential.model.Berth;
import io.github.bulklazy.differential.model.Bike;
import io.github.bulklazy.differential.model.Car;
import io.github.bulklazy.differential.model.Cat;
import io.github.bulklazy.differential.model.City;
import io.github.bulklazy.differential.model.Club;
import io.github.bulklazy.differential.model.Dog;
import io.github.bulklazy.differential.model.Note;
import io.github.bulklazy.differential.model.Person;
import io.github.bulklazy.differential.model.Plot;
import io.github.bulklazy.differential.model.Vehicle;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.Filter;

/**
 * What programs know of the entity model, read from the mapping annotations: the properties of
 * each entity, read and written through their getters and setters (which work on proxies too),
 * and which changes make a later load of a collection return other rows or another order.
 */
final class Model {

	static final List<Class<?>> ENTITIES = List.of(City.class, Person.class, Animal.class, Dog.class, Cat.class,
			Vehicle.class, Car.class, Bike.class, Club.class, Note.class);

	/**
	 * Entities with composite keys that programs read as values, through the EAGER to-ones that
	 * reach them, and never load, reference or change themselves.
	 */
	static final List<Class<?>> VALUE_ENTITIES = List.of(Plot.class, Berth.class);

	private static final Map<Class<?>, List<Property>> properties = new ConcurrentHashMap<>();

	private Model() {
	}

	enum Kind {

		BASIC, TO_ONE, COLLECTION

	}

	/**
	 * One property of an entity.
	 * @param field the mapped field
	 * @param kind what it holds
	 * @param type its type, the element type of a collection
	 */
	record Property(Field field, Kind kind, Class<?> type) {

		String name() {
			return this.field.getName();
		}

		/** The collection role, or the property, as {@code DeclaringEntity.property}. */
		String role() {
			return this.field.getDeclaringClass().getSimpleName() + "." + name();
		}

		boolean entityValued() {
			return ENTITIES.contains(this.type);
		}

		boolean settable() {
			return setter() != null;
		}

		/** A collection whose rows are owned by the other side. */
		String mappedBy() {
			OneToMany oneToMany = this.field.getAnnotation(OneToMany.class);
			ManyToMany manyToMany = this.field.getAnnotation(ManyToMany.class);
			String mappedBy = (oneToMany != null) ? oneToMany.mappedBy()
					: (manyToMany != null) ? manyToMany.mappedBy() : "";
			return mappedBy.isEmpty() ? null : mappedBy;
		}

		/**
		 * The properties of the element type that decide which rows a load of this collection
		 * returns and in which order: the owning side, the {@code @OrderBy} columns, and every
		 * property when a filter can apply.
		 */
		Set<String> rowsDependOn() {
			if (!entityValued()) {
				return Set.of();
			}
			if (this.field.isAnnotationPresent(Filter.class)) {
				return Model.properties(this.type).stream().map(Property::name).collect(Collectors.toSet());
			}
			Set<String> names = Arrays.stream(this.field.getAnnotation(OrderBy.class).value().split(","))
				.map((part) -> part.trim().split(" ")[0])
				.collect(Collectors.toSet());
			if (mappedBy() != null) {
				names.add(mappedBy());
			}
			return names;
		}

		Object get(Object entity) {
			return invoke(getter(), entity);
		}

		void set(Object entity, Object value) {
			invoke(setter(), entity, value);
		}

		private Method getter() {
			return method("get", 0);
		}

		private Method setter() {
			return method("set", 1);
		}

		private Method method(String prefix, int parameters) {
			String name = prefix + Character.toUpperCase(name().charAt(0)) + name().substring(1);
			return Arrays.stream(this.field.getDeclaringClass().getMethods())
				.filter((method) -> method.getName().equals(name) && method.getParameterCount() == parameters)
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return name();
		}

	}

	/**
	 * The properties of an entity, its superclasses' included, by name: the fields that have a
	 * getter (which leaves out {@code Note.deleted}: programs never see or change it).
	 */
	static List<Property> properties(Class<?> type) {
		return properties.computeIfAbsent(type, Model::readProperties);
	}

	static Property property(Class<?> type, String name) {
		return properties(type).stream()
			.filter((property) -> property.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no property " + name));
	}

	static List<Property> properties(Class<?> type, Kind kind) {
		return properties(type).stream().filter((property) -> property.kind() == kind).toList();
	}

	/** Every collection of the model, by role. */
	static List<Property> collections() {
		return ENTITIES.stream()
			.flatMap((type) -> properties(type, Kind.COLLECTION).stream())
			.collect(Collectors.toMap(Property::role, (property) -> property, (first, second) -> first))
			.values()
			.stream()
			.sorted(Comparator.comparing(Property::role))
			.toList();
	}

	/** The entities that can be instantiated and are a {@code type}. */
	static List<Class<?>> concreteTypes(Class<?> type) {
		return ENTITIES.stream()
			.filter((candidate) -> type.isAssignableFrom(candidate) && !Modifier.isAbstract(candidate.getModifiers()))
			.toList();
	}

	/** The root entity of a type's hierarchy. */
	static Class<?> root(Class<?> type) {
		Class<?> root = type;
		while (root.getSuperclass().isAnnotationPresent(Entity.class)) {
			root = root.getSuperclass();
		}
		return root;
	}

	/** Whether two entity types can be the same row. */
	static boolean related(Class<?> first, Class<?> second) {
		return first.isAssignableFrom(second) || second.isAssignableFrom(first);
	}

	private static List<Property> readProperties(Class<?> type) {
		List<Property> result = new ArrayList<>();
		for (Class<?> current = type; current.isAnnotationPresent(Entity.class); current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isAnnotationPresent(Id.class)) {
					continue;
				}
				Property property = new Property(field, kind(field), elementType(field));
				if (property.getter() != null) {
					result.add(property);
				}
			}
		}
		result.sort(Comparator.comparing(Property::name));
		return List.copyOf(result);
	}

	/** What a field holds: a to-one to one of the {@link #VALUE_ENTITIES} is a basic value to programs. */
	private static Kind kind(Field field) {
		if ((field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class))
				&& !VALUE_ENTITIES.contains(field.getType())) {
			return Kind.TO_ONE;
		}
		if (field.isAnnotationPresent(OneToMany.class) || field.isAnnotationPresent(ManyToMany.class)
				|| field.isAnnotationPresent(ElementCollection.class)) {
			return Kind.COLLECTION;
		}
		return Kind.BASIC;
	}

	private static Class<?> elementType(Field field) {
		if (field.getGenericType() instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getActualTypeArguments()[0];
		}
		return field.getType();
	}

	/** Calls a getter or setter, letting what it throws through as it is. */
	private static Object invoke(Method method, Object target, Object... arguments) {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
