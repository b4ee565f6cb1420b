package io.github.bulklazy.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.bulklazy.differential.Model.Kind;
import io.github.bulklazy.differential.Model.Property;
import io.github.bulklazy.differential.Step.Assign;
import io.github.bulklazy.differential.Step.ChangeCollection;
import io.github.bulklazy.differential.Step.ChangeCollection.Change;
import io.github.bulklazy.differential.Step.Clear;
import io.github.bulklazy.differential.Step.Detach;
import io.github.bulklazy.differential.Step.Element;
import io.github.bulklazy.differential.Step.EnableFilter;
import io.github.bulklazy.differential.Step.Find;
import io.github.bulklazy.differential.Step.Flush;
import io.github.bulklazy.differential.Step.Merge;
import io.github.bulklazy.differential.Step.MergeCopy;
import io.github.bulklazy.differential.Step.Persist;
import io.github.bulklazy.differential.Step.Query;
import io.github.bulklazy.differential.Step.Read;
import io.github.bulklazy.differential.Step.Ref;
import io.github.bulklazy.differential.Step.Reference;
import io.github.bulklazy.differential.Step.Refresh;
import io.github.bulklazy.differential.Step.Remove;
import io.github.bulklazy.differential.Step.SwitchBulkLoading;
import io.github.bulklazy.differential.Step.Walk;
import io.github.bulklazy.differential.model.Person;

/**
 * Generates a random program over a data set. Like application code, a program first loads, then
 * mostly goes on with what it got last. Besides ordinary use, programs ask for ids of the wrong
 * subclass and of missing rows, and mix read-only loads with writes.
 *
 * <p>Bulk-lazy loads associations earlier than plain Hibernate would, by design. A program
 * therefore avoids what only tells when something was loaded:
 * <ul>
 * <li>it enables the filter first, before anything is loaded;</li>
 * <li>it loads read-only, and asks for references of the wrong subclass, only while it has done
 * nothing but load: later, the row may already be in the session with bulk-lazy and not
 * without;</li>
 * <li>once it changed what a collection would load (its owning side, its {@code @OrderBy} or
 * filtered columns, or rows of its element type), it no longer reads, fetches or changes that
 * collection: loaded before or after the change, its content differs;</li>
 * <li>it persists only new ids: an id in use fails at once if the row is already in the session,
 * at flush otherwise;</li>
 * <li>it removes only rows that no other row refers to: removing one that others refer to fails
 * either way, at the first flush that sees a loaded referrer or else at the database.</li>
 * </ul>
 */
final class ProgramGenerator {

	/** Ids of persisted entities start here, above those of any data set. */
	private static final long FIRST_NEW_ID = 100;

	/** An id no row has. */
	private static final long MISSING_ID = 50;

	private final Random random;

	private final Values values;

	private final DataSet data;

	private final Map<Class<?>, List<Long>> ids = new HashMap<>();

	private final List<Var> vars = new ArrayList<>();

	private final List<Var> detached = new ArrayList<>();

	private final Set<String> staleRoles = new HashSet<>();

	private final List<Step> steps = new ArrayList<>();

	private boolean onlyLoadsSoFar = true;

	private int nextVar = 1;

	private long nextId = FIRST_NEW_ID;

	/**
	 * A variable of the program.
	 * @param name its name
	 * @param type the static type of its entity, or of its list's elements
	 * @param list whether it holds a query's result list
	 * @param id the id of its entity, when the program chose it
	 */
	private record Var(String name, Class<?> type, boolean list, Long id) {
	}

	private ProgramGenerator(Random random, DataSet data) {
		this.random = random;
		this.values = new Values(random);
		this.data = data;
		data.ids().forEach((type, list) -> this.ids.put(type, new ArrayList<>(list)));
	}

	static List<Step> generate(Random random, DataSet data) {
		return new ProgramGenerator(random, data).generate();
	}

	private List<Step> generate() {
		Map<Supplier<Step>, Integer> weights = new LinkedHashMap<>();
		weights.put(this::query, 14);
		weights.put(this::find, 9);
		weights.put(this::reference, 7);
		weights.put(this::element, 6);
		weights.put(this::walk, 10);
		weights.put(this::read, 24);
		weights.put(this::assign, 8);
		weights.put(this::changeCollection, 5);
		weights.put(this::persist, 3);
		weights.put(this::remove, 2);
		weights.put(this::detach, 2);
		weights.put(this::refresh, 2);
		weights.put(this::merge, 2);
		weights.put(this::mergeCopy, 2);
		weights.put(Flush::new, 7);
		weights.put(this::clear, 1);
		weights.put(() -> new SwitchBulkLoading(this.values.chance(0.5)), 1);
		int total = weights.values().stream().mapToInt(Integer::intValue).sum();
		int length = this.values.between(4, 22);
		if (this.values.chance(0.25)) {
			this.steps.add(new EnableFilter(this.random.nextInt(4)));
		}
		for (int loads = this.values.between(1, 3); loads > 0; loads--) {
			add(this.values.pick(List.<Supplier<Step>>of(this::query, this::query, this::find, this::reference)).get());
		}
		while (this.steps.size() < length) {
			int ticket = this.random.nextInt(total);
			for (Map.Entry<Supplier<Step>, Integer> entry : weights.entrySet()) {
				ticket -= entry.getValue();
				if (ticket < 0) {
					add(entry.getKey().get());
					break;
				}
			}
		}
		return List.copyOf(this.steps);
	}

	private void add(Step step) {
		if (step == null) {
			return;
		}
		this.steps.add(step);
		if (!(step instanceof EnableFilter || step instanceof Query || step instanceof Find
				|| step instanceof Reference)) {
			this.onlyLoadsSoFar = false;
		}
	}

	private Step query() {
		Class<?> type = entityType();
		List<Property> fetchable = properties(type, (property) -> property.kind() != Kind.BASIC);
		String join = (!fetchable.isEmpty() && this.values.chance(0.3)) ? this.values.pick(fetchable).name() : null;
		String where = this.values.chance(0.6) ? where(type) : null;
		Integer max = this.values.chance(0.25) ? this.values.between(1, 3) : null;
		boolean readOnly = this.onlyLoadsSoFar && this.values.chance(0.4);
		return new Query(newVar(type, true, null), type, join, where, order(type), max, readOnly);
	}

	private String where(Class<?> type) {
		List<Property> basics = Model.properties(type, Kind.BASIC);
		List<Property> toOnes = Model.properties(type, Kind.TO_ONE);
		switch (this.random.nextInt(5)) {
			case 0:
				return "e.id <= " + this.values.between(1, 5);
			case 1:
				return "e.id in (" + this.values.between(1, 4) + ", " + this.values.between(3, 7) + ")";
			case 2: {
				Property property = this.values.pick(basics);
				return "e." + property + ((property.type() == Integer.class) ? " >= 1" : " <> 'a'");
			}
			case 3:
				if (!toOnes.isEmpty()) {
					return "e." + this.values.pick(toOnes) + ".id = " + this.values.between(1, 4);
				}
				return "e." + this.values.pick(basics) + " is not null";
			default:
				return "e." + this.values.pick((toOnes.isEmpty() || this.random.nextBoolean()) ? basics : toOnes)
						+ (this.random.nextBoolean() ? " is null" : " is not null");
		}
	}

	private String order(Class<?> type) {
		return switch (this.random.nextInt(3)) {
			case 0 -> "e.id";
			case 1 -> "e.id desc";
			default -> "e." + this.values.pick(Model.properties(type, Kind.BASIC)) + ", e.id";
		};
	}

	private Step find() {
		Class<?> type = entityType();
		boolean readOnly = this.onlyLoadsSoFar && this.values.chance(0.3);
		long id = id(type, true);
		return new Find(newVar(type, false, id), type, id, readOnly);
	}

	private Step reference() {
		Class<?> type = entityType();
		long id = id(type, this.onlyLoadsSoFar);
		return new Reference(newVar(type, false, id), type, id);
	}

	private Step element() {
		List<Var> lists = this.vars.stream().filter(Var::list).toList();
		if (lists.isEmpty()) {
			return null;
		}
		Var from = recent(lists);
		return new Element(newVar(from.type(), false, null), from.name(), this.random.nextInt(3));
	}

	private Step walk() {
		Var from = pickVar(false, (property) -> property.kind() == Kind.TO_ONE);
		if (from == null) {
			return null;
		}
		Property property = this.values.pick(properties(from.type(), (candidate) -> candidate.kind() == Kind.TO_ONE));
		return new Walk(newVar(property.type(), false, null), from.name(), property.name());
	}

	/** Reads up to three properties deep, stopping at a basic value, an entity or a collection. */
	private Step read() {
		Var from = pickVar(true, (property) -> true);
		if (from == null) {
			return null;
		}
		List<String> path = new ArrayList<>();
		Class<?> type = from.type();
		for (int depth = 0; depth < 3; depth++) {
			List<Property> candidates = properties(type, (property) -> true);
			if (candidates.isEmpty()) {
				break;
			}
			Property property = this.values.pick(candidates);
			path.add(property.name());
			if (!property.entityValued() || this.values.chance(0.4)) {
				break;
			}
			type = property.type();
		}
		return path.isEmpty() ? null : new Read(from.name(), path);
	}

	private Step assign() {
		Var var = pickVar(false, (property) -> property.kind() != Kind.COLLECTION && property.settable());
		if (var == null) {
			return null;
		}
		Property property = this.values.pick(
				properties(var.type(), (candidate) -> candidate.kind() != Kind.COLLECTION && candidate.settable()));
		Object value = (property.kind() == Kind.BASIC) ? this.values.of(property.type())
				: this.values.chance(0.2) ? null : ref(property.type());
		changed(var.type(), property.name());
		return new Assign(var.name(), property.name(), value);
	}

	private Step changeCollection() {
		Var var = pickVar(false, (property) -> property.kind() == Kind.COLLECTION);
		if (var == null) {
			return null;
		}
		Property property = this.values
			.pick(properties(var.type(), (candidate) -> candidate.kind() == Kind.COLLECTION));
		Change change = this.values.pick(List.of(Change.ADD, Change.ADD, Change.REMOVE_FIRST, Change.CLEAR));
		Object element = (change != Change.ADD) ? null
				: property.entityValued() ? ref(property.type()) : this.values.word();
		changed(var.type(), property.name());
		return new ChangeCollection(var.name(), property.name(), change, element);
	}

	private Step persist() {
		Class<?> type = this.values.pick(Model.concreteTypes(Object.class));
		long id = this.nextId++;
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Property property : Model.properties(type)) {
			if (property.kind() == Kind.BASIC && property.settable() && this.values.chance(0.7)) {
				properties.put(property.name(), this.values.of(property.type()));
			}
			else if (property.kind() == Kind.TO_ONE && this.values.chance(0.5)) {
				properties.put(property.name(), ref(property.type()));
			}
		}
		this.ids.computeIfAbsent(type, (key) -> new ArrayList<>()).add(id);
		rowsChanged(type);
		return new Persist(newVar(type, false, id), type, id, properties);
	}

	/**
	 * Removes an entity that no row of the data set refers to: removing one that others refer to
	 * fails either way, but at a flush that depends on which of those others are loaded.
	 */
	private Step remove() {
		List<Var> candidates = this.vars.stream()
			.filter((var) -> !var.list() && var.id() != null && !this.data.referenced(Model.root(var.type()), var.id()))
			.toList();
		if (candidates.isEmpty()) {
			return null;
		}
		Var var = this.values.pick(candidates);
		this.vars.remove(var);
		rowsChanged(var.type());
		return new Remove(var.name());
	}

	private Step detach() {
		Var var = pickVar(false, (property) -> true);
		if (var == null) {
			return null;
		}
		this.vars.remove(var);
		this.detached.add(var);
		return new Detach(var.name());
	}

	private Step refresh() {
		Var var = pickVar(false, (property) -> true);
		return (var != null) ? new Refresh(var.name()) : null;
	}

	/** Merges a variable detached before, with whatever changes it had. */
	private Step merge() {
		if (this.detached.isEmpty()) {
			return null;
		}
		Var from = this.values.pick(this.detached);
		rowsChanged(from.type());
		return new Merge(newVar(from.type(), false, from.id()), from.name());
	}

	private Step mergeCopy() {
		Class<?> type = this.values.pick(Model.concreteTypes(Object.class));
		Property property = this.values
			.pick(properties(type, (candidate) -> candidate.kind() == Kind.BASIC && candidate.settable()));
		long id = this.values.pick(this.ids.get(type));
		rowsChanged(type);
		return new MergeCopy(newVar(type, false, id), type, id, property.name(), this.values.of(property.type()));
	}

	private Step clear() {
		this.vars.stream().filter((var) -> !var.list()).forEach(this.detached::add);
		this.vars.clear();
		return new Clear();
	}

	/**
	 * An id for a load of the given type: mostly of a row of that type, sometimes of a missing
	 * row or, when allowed, of a row of another subclass of the same hierarchy.
	 */
	private long id(Class<?> type, boolean wrongSubclassAllowed) {
		List<Long> others = new ArrayList<>();
		for (Class<?> other : Model.concreteTypes(Model.root(type))) {
			if (!type.isAssignableFrom(other)) {
				others.addAll(this.ids.getOrDefault(other, List.of()));
			}
		}
		if (wrongSubclassAllowed && !others.isEmpty() && this.values.chance(0.25)) {
			return this.values.pick(others);
		}
		return this.values.chance(0.1) ? MISSING_ID : ref(type).id();
	}

	/** A reference to a row of the given type (or, rarely, to a missing row). */
	private Ref ref(Class<?> type) {
		Class<?> concrete = this.values.pick(Model.concreteTypes(type));
		if (this.values.chance(0.05)) {
			return new Ref(concrete, MISSING_ID);
		}
		return new Ref(concrete, this.values.pick(this.ids.get(concrete)));
	}

	/** Changing a property makes the collections whose rows depend on it stale. */
	private void changed(Class<?> type, String property) {
		for (Property collection : Model.collections()) {
			if (Model.related(collection.type(), type) && collection.rowsDependOn().contains(property)) {
				this.staleRoles.add(collection.role());
			}
		}
	}

	/** New, removed or merged rows make the collections of their type stale. */
	private void rowsChanged(Class<?> type) {
		for (Property collection : Model.collections()) {
			if (collection.entityValued() && Model.related(collection.type(), type)) {
				this.staleRoles.add(collection.role());
			}
		}
	}

	/** The properties of a type that pass the filter, leaving out stale collections. */
	private List<Property> properties(Class<?> type, Predicate<Property> filter) {
		return Model.properties(type)
			.stream()
			.filter((property) -> property.kind() != Kind.COLLECTION || !this.staleRoles.contains(property.role()))
			.filter(filter)
			.toList();
	}

	private Var pickVar(boolean listsToo, Predicate<Property> having) {
		List<Var> candidates = this.vars.stream()
			.filter((var) -> listsToo || !var.list())
			.filter((var) -> !properties(var.type(), having).isEmpty())
			.toList();
		return candidates.isEmpty() ? null : recent(candidates);
	}

	/** Half of the time the last candidate, like code that goes on with what it just got. */
	private Var recent(List<Var> candidates) {
		return this.random.nextBoolean() ? candidates.get(candidates.size() - 1) : this.values.pick(candidates);
	}

	/** An entity type to load, the hub {@code Person} more often than the others. */
	private Class<?> entityType() {
		return this.values.chance(0.25) ? Person.class : this.values.pick(Model.ENTITIES);
	}

	private String newVar(Class<?> type, boolean list, Long id) {
		Var var = new Var((list ? "l" : "v") + this.nextVar++, type, list, id);
		this.vars.add(var);
		return var.name();
	}

}
