package io.github.bulklazy.differential;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.bulklazy.differential.Model.Property;
import io.github.bulklazy.differential.ProgramRun.Binding;
import io.github.bulklazy.differential.model.Person;
import io.github.bulklazy.hibernate.BulkLoading;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/**
 * One ordinary JPA operation of a program. Run against a session, it returns what it observed
 * as a string; its {@code toString} is the operation in readable form. Variables are named
 * {@code v1, v2...} for an entity and {@code l1, l2...} for a query's result list.
 */
sealed interface Step {

	String run(ProgramRun run);

	/** A reference to a row, resolved with {@code getReference}, as a value of a step. */
	record Ref(Class<?> type, long id) {

		@Override
		public String toString() {
			return "getReference(" + this.type.getSimpleName() + ", " + this.id + ")";
		}

	}

	/** How a program writes a value: strings quoted. */
	static String literal(Object value) {
		return (value instanceof String text) ? "\"" + text + "\"" : String.valueOf(value);
	}

	record EnableFilter(int min) implements Step {

		@Override
		public String run(ProgramRun run) {
			run.entityManager().unwrap(Session.class).enableFilter(Person.MIN_PRIORITY).setParameter("min", this.min);
			return "ok";
		}

		@Override
		public String toString() {
			return "enableFilter(" + Person.MIN_PRIORITY + ", min = " + this.min + ")";
		}

	}

	/** {@code select e from Type e [left join fetch e.join] [where ...] order by ...}. */
	record Query(String var, Class<?> type, String join, String where, String order, Integer max, boolean readOnly)
			implements Step {

		String jpql() {
			return "select e from " + this.type.getSimpleName() + " e"
					+ ((this.join != null) ? " left join fetch e." + this.join : "")
					+ ((this.where != null) ? " where " + this.where : "") + " order by " + this.order;
		}

		@Override
		public String run(ProgramRun run) {
			TypedQuery<?> query = run.entityManager().createQuery(jpql(), this.type);
			if (this.max != null) {
				query.setMaxResults(this.max);
			}
			if (this.readOnly) {
				query.setHint(HibernateHints.HINT_READ_ONLY, true);
			}
			List<Object> result = new ArrayList<>(query.getResultList());
			run.bind(this.var, result, this.type, true);
			return result.stream().map((entity) -> run.show(entity, this.type)).toList().toString();
		}

		@Override
		public String toString() {
			return this.var + " = query(\"" + jpql() + "\"" + ((this.max != null) ? ", max " + this.max : "")
					+ (this.readOnly ? ", read-only" : "") + ")";
		}

	}

	record Find(String var, Class<?> type, long id, boolean readOnly) implements Step {

		@Override
		public String run(ProgramRun run) {
			EntityManager entityManager = run.entityManager();
			Object entity = this.readOnly
					? entityManager.find(this.type, this.id, Map.of(HibernateHints.HINT_READ_ONLY, true))
					: entityManager.find(this.type, this.id);
			run.bind(this.var, entity, this.type, false);
			return run.show(entity, this.type);
		}

		@Override
		public String toString() {
			return this.var + " = find(" + this.type.getSimpleName() + ", " + this.id
					+ (this.readOnly ? ", read-only" : "") + ")";
		}

	}

	record Reference(String var, Class<?> type, long id) implements Step {

		@Override
		public String run(ProgramRun run) {
			Object entity = run.entityManager().getReference(this.type, this.id);
			run.bind(this.var, entity, this.type, false);
			return run.show(entity, this.type);
		}

		@Override
		public String toString() {
			return this.var + " = " + new Ref(this.type, this.id);
		}

	}

	/** Binds an element of a query's result list, or {@code null} past its end. */
	record Element(String var, String from, int index) implements Step {

		@Override
		public String run(ProgramRun run) {
			Binding source = run.binding(this.from);
			List<?> list = (List<?>) source.value();
			Object element = (this.index < list.size()) ? list.get(this.index) : null;
			run.bind(this.var, element, source.type(), false);
			return run.show(element, source.type());
		}

		@Override
		public String toString() {
			return this.var + " = " + this.from + "[" + this.index + "]";
		}

	}

	/** Binds a to-one's value, without reading it. */
	record Walk(String var, String from, String property) implements Step {

		@Override
		public String run(ProgramRun run) {
			Binding source = run.binding(this.from);
			Property property = Model.property(source.type(), this.property);
			Object target = property.get(run.attached(source));
			run.bind(this.var, target, property.type(), false);
			return run.show(target, property.type());
		}

		@Override
		public String toString() {
			return this.var + " = " + this.from + "." + this.property;
		}

	}

	/** Reads a path of properties: to-ones, collections (iterated) and basic values. */
	record Read(String from, List<String> path) implements Step {

		@Override
		public String run(ProgramRun run) {
			Binding source = run.binding(this.from);
			if (!source.list()) {
				return run.read(source.value(), source.type(), this.path, 0);
			}
			List<String> values = new ArrayList<>();
			for (Object element : (List<?>) source.value()) {
				values.add(run.read(element, source.type(), this.path, 0));
			}
			return values.toString();
		}

		@Override
		public String toString() {
			return "read " + this.from + "." + String.join(".", this.path);
		}

	}

	/** Sets a basic property or a to-one. */
	record Assign(String var, String property, Object value) implements Step {

		@Override
		public String run(ProgramRun run) {
			Binding binding = run.binding(this.var);
			Model.property(binding.type(), this.property).set(run.attached(binding), run.resolve(this.value));
			return "ok";
		}

		@Override
		public String toString() {
			return this.var + "." + this.property + " = " + literal(this.value);
		}

	}

	record ChangeCollection(String var, String property, Change change, Object element) implements Step {

		enum Change {

			ADD, REMOVE_FIRST, CLEAR

		}

		@Override
		public String run(ProgramRun run) {
			Binding binding = run.binding(this.var);
			Property property = Model.property(binding.type(), this.property);
			Collection<Object> collection = collection(property.get(run.attached(binding)));
			switch (this.change) {
				case ADD -> {
					return String.valueOf(collection.add(run.resolve(this.element)));
				}
				case REMOVE_FIRST -> {
					Iterator<Object> elements = collection.iterator();
					if (!elements.hasNext()) {
						return "empty";
					}
					elements.next();
					elements.remove();
					return "ok";
				}
				default -> {
					collection.clear();
					return "ok";
				}
			}
		}

		@SuppressWarnings("unchecked")
		private static Collection<Object> collection(Object value) {
			return (Collection<Object>) value;
		}

		@Override
		public String toString() {
			String call = switch (this.change) {
				case ADD -> "add(" + literal(this.element) + ")";
				case REMOVE_FIRST -> "removeFirst()";
				case CLEAR -> "clear()";
			};
			return this.var + "." + this.property + "." + call;
		}

	}

	/** Persists a new entity with some properties set; values may be references. */
	record Persist(String var, Class<?> type, long id, Map<String, Object> values) implements Step {

		@Override
		public String run(ProgramRun run) {
			Object entity;
			try {
				entity = this.type.getConstructor(Long.class).newInstance(this.id);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			this.values.forEach((name, value) -> Model.property(this.type, name).set(entity, run.resolve(value)));
			run.entityManager().persist(entity);
			run.bind(this.var, entity, this.type, false);
			return "ok";
		}

		@Override
		public String toString() {
			return this.var + " = persist(new " + this.type.getSimpleName() + "(" + this.id + ")"
					+ this.values.entrySet()
						.stream()
						.map((entry) -> entry.getKey() + " = " + literal(entry.getValue()))
						.collect(Collectors.joining(", ", " {", "}")) + ")";
		}

	}

	record Remove(String var) implements Step {

		@Override
		public String run(ProgramRun run) {
			Object entity = run.attached(run.binding(this.var));
			run.entityManager().remove(entity);
			run.gone(entity);
			return "ok";
		}

		@Override
		public String toString() {
			return "remove(" + this.var + ")";
		}

	}

	record Detach(String var) implements Step {

		@Override
		public String run(ProgramRun run) {
			Object entity = run.attached(run.binding(this.var));
			run.entityManager().detach(entity);
			run.gone(entity);
			return "ok";
		}

		@Override
		public String toString() {
			return "detach(" + this.var + ")";
		}

	}

	record Refresh(String var) implements Step {

		@Override
		public String run(ProgramRun run) {
			run.entityManager().refresh(run.attached(run.binding(this.var)));
			return "ok";
		}

		@Override
		public String toString() {
			return "refresh(" + this.var + ")";
		}

	}

	/** Merges what a variable holds, typically an entity detached before. */
	record Merge(String var, String from) implements Step {

		@Override
		public String run(ProgramRun run) {
			Binding source = run.bindingOfAnyEpoch(this.from);
			if (source.value() == null) {
				return "null";
			}
			Object merged = run.entityManager().merge(source.value());
			run.bind(this.var, merged, source.type(), false);
			return run.show(merged, source.type());
		}

		@Override
		public String toString() {
			return this.var + " = merge(" + this.from + ")";
		}

	}

	/** Merges a copy of a row loaded by another session of the same factory, with one property changed. */
	record MergeCopy(String var, Class<?> type, long id, String property, Object value) implements Step {

		@Override
		public String run(ProgramRun run) {
			Object copy;
			EntityManager other = run.entityManager().getEntityManagerFactory().createEntityManager();
			try {
				copy = other.find(this.type, this.id);
			}
			finally {
				other.close();
			}
			if (copy == null) {
				run.bind(this.var, null, this.type, false);
				return "null";
			}
			Model.property(this.type, this.property).set(copy, this.value);
			Object merged = run.entityManager().merge(copy);
			run.bind(this.var, merged, this.type, false);
			return run.show(merged, this.type);
		}

		@Override
		public String toString() {
			return this.var + " = merge(detached " + this.type.getSimpleName() + " " + this.id + " with "
					+ this.property + " = " + literal(this.value) + ")";
		}

	}

	record Flush() implements Step {

		@Override
		public String run(ProgramRun run) {
			run.entityManager().flush();
			return "ok";
		}

		@Override
		public String toString() {
			return "flush";
		}

	}

	/** Switches bulk loading off or back on for the session; a session without bulk-lazy is left as it is. */
	record SwitchBulkLoading(boolean off) implements Step {

		@Override
		public String run(ProgramRun run) {
			if (this.off) {
				BulkLoading.switchOff(run.entityManager());
			}
			else {
				BulkLoading.switchOn(run.entityManager());
			}
			return "ok";
		}

		@Override
		public String toString() {
			return "BulkLoading." + (this.off ? "switchOff" : "switchOn");
		}

	}

	record Clear() implements Step {

		@Override
		public String run(ProgramRun run) {
			run.entityManager().clear();
			run.cleared();
			return "ok";
		}

		@Override
		public String toString() {
			return "clear";
		}

	}

}
