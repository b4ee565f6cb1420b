package io.github.bulklazy.differential;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.bulklazy.differential.Model.Kind;
import io.github.bulklazy.differential.Model.Property;
import io.github.bulklazy.differential.Step.Ref;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * Runs a program in one transaction of one factory and traces what each step observed: values
 * as strings, entities as {@code Type#id} (never initializing them), exceptions as their simple
 * class name. The program stops when the transaction is marked rollback-only, else it commits.
 *
 * <p>A step does not read through an entity that was detached, removed or cleared, and records
 * {@code (detached)} instead: bulk-lazy may rightly have initialized what plain Hibernate would
 * then fail to load.
 */
final class ProgramRun {

	/** Frames of an exception's stack trace in a report, down to the program's own. */
	private static final int STACK_FRAMES = 25;

	private final EntityManager entityManager;

	private final Map<String, Binding> bindings = new HashMap<>();

	private final Set<Object> gone = Collections.newSetFromMap(new IdentityHashMap<>());

	private int epoch;

	private ProgramRun(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * What a variable holds.
	 * @param value an entity, or a list of them
	 * @param type the static type of the entity or of the list's elements
	 * @param list whether it holds a list
	 * @param epoch how many times the session had been cleared when it was bound
	 */
	record Binding(Object value, Class<?> type, boolean list, int epoch) {
	}

	/**
	 * What a run observed.
	 * @param trace one entry per step ({@code (not run)} once the transaction is rollback-only), then
	 * how the transaction ended: compared between factories
	 * @param exceptions the exceptions the steps threw, with the top of their stack traces, for a report
	 */
	record Trace(List<String> trace, List<String> exceptions) {
	}

	/** A step that cannot run because of an earlier one: recorded as its reason. */
	private static final class Skip extends RuntimeException {

		Skip(String reason) {
			super(reason, null, false, false);
		}

	}

	static Trace run(EntityManagerFactory factory, List<Step> program) {
		List<String> trace = new ArrayList<>();
		List<String> exceptions = new ArrayList<>();
		EntityManager entityManager = factory.createEntityManager();
		try {
			ProgramRun run = new ProgramRun(entityManager);
			entityManager.getTransaction().begin();
			for (int i = 0; i < program.size(); i++) {
				trace.add(run.step(program.get(i), i, exceptions));
				if (entityManager.getTransaction().getRollbackOnly()) {
					while (trace.size() < program.size()) {
						trace.add("(not run)");
					}
					trace.add("rollback-only");
					return new Trace(trace, exceptions);
				}
			}
			try {
				entityManager.getTransaction().commit();
				trace.add("commit");
			}
			catch (RuntimeException | AssertionError ex) {
				trace.add("commit " + failure(ex, "commit", exceptions));
			}
			return new Trace(trace, exceptions);
		}
		finally {
			if (entityManager.getTransaction().isActive()) {
				entityManager.getTransaction().rollback();
			}
			entityManager.close();
		}
	}

	private String step(Step step, int index, List<String> exceptions) {
		try {
			return step.run(this);
		}
		catch (Skip skip) {
			return "(" + skip.getMessage() + ")";
		}
		catch (RuntimeException | AssertionError ex) {
			return failure(ex, (index + 1) + ". " + step, exceptions);
		}
	}

	/** Records an exception, or a failed assertion of Hibernate's (the tests run with {@code -ea}). */
	private static String failure(Throwable ex, String where, List<String> exceptions) {
		StringBuilder text = new StringBuilder(where);
		for (Throwable current = ex; current != null; current = current.getCause()) {
			text.append((current != ex) ? "\n  caused by " : "\n  ").append(current);
			StackTraceElement[] frames = current.getStackTrace();
			for (int i = 0; i < Math.min(frames.length, STACK_FRAMES); i++) {
				if (frames[i].getClassName().startsWith(ProgramRun.class.getPackageName())) {
					break;
				}
				text.append("\n    at ").append(frames[i]);
			}
		}
		exceptions.add(text.toString());
		return "!" + ex.getClass().getSimpleName();
	}

	EntityManager entityManager() {
		return this.entityManager;
	}

	void bind(String var, Object value, Class<?> type, boolean list) {
		this.bindings.put(var, new Binding(value, type, list, this.epoch));
	}

	/** The binding of a variable bound since the last clear. */
	Binding binding(String var) {
		Binding binding = bindingOfAnyEpoch(var);
		if (binding.epoch() != this.epoch) {
			throw new Skip("detached");
		}
		return binding;
	}

	/** The binding of a variable, even one bound before a clear. */
	Binding bindingOfAnyEpoch(String var) {
		Binding binding = this.bindings.get(var);
		if (binding == null) {
			throw new Skip("unbound " + var);
		}
		return binding;
	}

	/** The entity of a binding, which must be attached to the session. */
	Object attached(Binding binding) {
		if (binding.value() == null) {
			throw new Skip("null");
		}
		if (!attached(binding.value())) {
			throw new Skip("detached");
		}
		return binding.value();
	}

	void gone(Object entity) {
		this.gone.add(entity);
	}

	void cleared() {
		this.epoch++;
	}

	/** The value of a step: a {@link Ref} becomes a reference of the session. */
	Object resolve(Object value) {
		return (value instanceof Ref ref) ? this.entityManager.getReference(ref.type(), ref.id()) : value;
	}

	/**
	 * Reads a path of properties from a value, iterating collections.
	 * @param value where the path starts
	 * @param type the static type of the value
	 * @param path the property names
	 * @param index the first property to read
	 * @return what was read
	 */
	String read(Object value, Class<?> type, List<String> path, int index) {
		if (value == null || index == path.size()) {
			return show(value, type);
		}
		if (!attached(value)) {
			return "(detached)";
		}
		Property property = Model.property(type, path.get(index));
		Object next = property.get(value);
		if (property.kind() != Kind.COLLECTION) {
			return read(next, property.type(), path, index + 1);
		}
		List<String> elements = new ArrayList<>();
		for (Object element : (Collection<?>) next) {
			elements.add(read(element, property.type(), path, index + 1));
		}
		return elements.toString();
	}

	/** A value as a string: an entity as {@code Type#id} with its static type, never initialized. */
	String show(Object value, Class<?> type) {
		if (value == null || !Model.ENTITIES.contains(type)) {
			return String.valueOf(value);
		}
		LazyInitializer initializer = HibernateProxy.extractLazyInitializer(value);
		Object id = (initializer != null) ? initializer.getInternalIdentifier()
				: this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(value);
		return type.getSimpleName() + "#" + id;
	}

	private boolean attached(Object entity) {
		if (this.gone.contains(entity)) {
			return false;
		}
		LazyInitializer initializer = HibernateProxy.extractLazyInitializer(entity);
		return initializer == null || initializer.getSession() != null;
	}

}
