package io.github.bulklazy.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.bulklazy.differential.model.Animal;
import io.github.bulklazy.differential.model.Bike;
import io.github.bulklazy.differential.model.Car;
import io.github.bulklazy.differential.model.Cat;
import io.github.bulklazy.differential.model.City;
import io.github.bulklazy.differential.model.Club;
import io.github.bulklazy.differential.model.Dog;
import io.github.bulklazy.differential.model.Note;
import io.github.bulklazy.differential.model.Person;
import io.github.bulklazy.differential.model.Vehicle;

/**
 * A random set of rows for the {@code rd_} tables: a few rows per table with small ids that
 * overlap between tables, nulls, shared targets, empty and shared collections, rows of every
 * subclass and notes marked deleted. Written with plain JDBC over whatever a previous program
 * left, so that each run starts from the same state.
 */
final class DataSet {

	/** The tables, in an order in which they can be emptied. */
	static final List<String> TABLES = List.of("rd_membership", "rd_person_tag", "rd_club_rule", "rd_club", "rd_note",
			"rd_car", "rd_bike", "rd_vehicle", "rd_person", "rd_plot", "rd_berth", "rd_animal", "rd_city");

	private static final Set<String> INTEGER_COLUMNS = Set.of("score", "priority", "lives", "seats", "gears",
			"position", "lot", "plot_lot", "slot", "berth_slot");

	/**
	 * The root entity each foreign key column refers to; the rows of an entity's own collections
	 * ({@code rd_person_tag}, {@code rd_club_rule} and {@code rd_membership.person_id}) are left
	 * out: Hibernate deletes them with the entity.
	 */
	private static final Map<String, Class<?>> FOREIGN_KEYS = Map.ofEntries(Map.entry("city_id", City.class),
			Map.entry("kennel_id", City.class), Map.entry("garage_id", City.class), Map.entry("pet_id", Animal.class),
			Map.entry("dog_id", Animal.class), Map.entry("car_id", Vehicle.class), Map.entry("bus_id", Vehicle.class),
			Map.entry("friend_id", Person.class), Map.entry("owner_id", Person.class),
			Map.entry("author_id", Person.class), Map.entry("pinned_id", Note.class),
			Map.entry("mayor_id", Person.class));

	private static final Set<String> OWN_COLLECTION_TABLES = Set.of("rd_person_tag", "rd_club_rule");

	private final Map<Class<?>, List<Long>> ids = new LinkedHashMap<>();

	private final List<Row> rows = new ArrayList<>();

	private final List<Row> personLinks = new ArrayList<>();

	/** The cities' mayors, set once the persons are written: each person mayor of one city at most. */
	private final List<Row> mayors = new ArrayList<>();

	private final List<String> description = new ArrayList<>();

	private final Set<String> referenced = new HashSet<>();

	private DataSet() {
	}

	private record Row(String table, Map<String, Object> columns) {
	}

	static DataSet generate(Random random) {
		DataSet data = new DataSet();
		Values values = new Values(random);
		List<Long> cities = data.ids(City.class, 2 + random.nextInt(3));
		List<Class<?>> animalTypes = types(random, Dog.class, Cat.class, 3 + random.nextInt(4));
		List<Class<?>> vehicleTypes = types(random, Car.class, Bike.class, 3 + random.nextInt(4));
		for (int i = 0; i < animalTypes.size(); i++) {
			data.ids.computeIfAbsent(animalTypes.get(i), (type) -> new ArrayList<>()).add(i + 1L);
		}
		for (int i = 0; i < vehicleTypes.size(); i++) {
			data.ids.computeIfAbsent(vehicleTypes.get(i), (type) -> new ArrayList<>()).add(i + 1L);
		}
		List<Long> persons = data.ids(Person.class, 4 + random.nextInt(5));
		List<Long> notes = data.ids(Note.class, 3 + random.nextInt(6));
		List<Long> clubs = data.ids(Club.class, 2 + random.nextInt(2));
		List<Long> animals = ids(animalTypes.size());
		List<Long> vehicles = ids(vehicleTypes.size());
		List<Long> dogs = data.ids.get(Dog.class);
		List<Long> cars = data.ids.get(Car.class);

		for (Long id : cities) {
			data.add("City", "rd_city", "id", id, "name", values.string());
		}
		for (int i = 0; i < animalTypes.size(); i++) {
			boolean dog = animalTypes.get(i) == Dog.class;
			data.add(dog ? "Dog" : "Cat", "rd_animal", "id", i + 1L, "kind", dog ? "dog" : "cat", "name",
					values.string(), "breed", dog ? values.string() : null, "kennel_id",
					dog ? values.pick(cities, 0.6) : null, "lives", dog ? null : values.integer());
		}
		List<List<Object>> plots = compositeKeys(random);
		plots.forEach((key) -> data.add(null, "rd_plot", "area_id", key.get(0), "lot", key.get(1), "crop", values.string()));
		List<List<Object>> berths = compositeKeys(random);
		berths.forEach((key) -> data.add(null, "rd_berth", "dock_id", key.get(0), "slot", key.get(1), "label",
				values.string()));
		for (Long id : persons) {
			List<Object> plot = Objects.requireNonNullElse(values.pick(plots, 0.7), Arrays.asList(null, null));
			List<Object> berth = Objects.requireNonNullElse(values.pick(berths, 0.6), Arrays.asList(null, null));
			data.add("Person", "rd_person", "id", id, "name", values.string(), "score", values.integer(), "city_id",
					values.pick(cities, 0.7), "pet_id", values.pick(animals, 0.6), "dog_id", values.pick(dogs, 0.5),
					"plot_area_id", plot.get(0), "plot_lot", plot.get(1), "berth_dock_id", berth.get(0), "berth_slot",
					berth.get(1));
			data.personLinks.add(new Row("rd_person", columns("id", id, "friend_id", values.pick(persons, 0.5),
					"car_id", values.pick(cars, 0.4), "pinned_id", values.pick(notes, 0.3))));
		}
		List<Long> candidates = new ArrayList<>(persons);
		Collections.shuffle(candidates, random);
		for (Long city : cities) {
			if (!candidates.isEmpty() && random.nextInt(5) < 3) {
				data.mayors.add(new Row("rd_city", columns("id", city, "mayor_id", candidates.remove(0))));
			}
		}
		for (int i = 0; i < vehicleTypes.size(); i++) {
			long id = i + 1L;
			boolean car = vehicleTypes.get(i) == Car.class;
			data.add(car ? "Car" : "Bike", "rd_vehicle", "id", id, "plate", values.string(), "owner_id",
					values.pick(persons, 0.7));
			if (car) {
				data.add(null, "rd_car", "id", id, "seats", values.integer(), "garage_id", values.pick(cities, 0.6));
			}
			else {
				data.add(null, "rd_bike", "id", id, "gears", values.integer());
			}
		}
		for (Long id : notes) {
			data.add("Note", "rd_note", "id", id, "body", values.string(), "priority", values.integer(), "deleted",
					random.nextInt(4) == 0, "author_id", values.pick(persons, 0.85));
		}
		for (Long id : clubs) {
			data.add("Club", "rd_club", "id", id, "name", values.string(), "bus_id", values.pick(vehicles, 0.5));
			for (String rule : values.words(3).stream().distinct().toList()) {
				data.add(null, "rd_club_rule", "club_id", id, "rule_text", rule);
			}
		}
		for (Long person : persons) {
			for (Long club : clubs) {
				if (random.nextInt(3) == 0) {
					data.add(null, "rd_membership", "person_id", person, "club_id", club);
				}
			}
			List<String> tags = values.words(3);
			for (int position = 0; position < tags.size(); position++) {
				data.add(null, "rd_person_tag", "person_id", person, "position", position, "tag", tags.get(position));
			}
		}
		data.personLinks.forEach((row) -> data.describe("Person links", row.columns()));
		data.mayors.forEach((row) -> data.describe("City mayors", row.columns()));
		for (Row row : data.rows) {
			data.recordReferences(row);
		}
		data.personLinks.forEach(data::recordReferences);
		data.mayors.forEach(data::recordReferences);
		return data;
	}

	/** Ids of the rows of a concrete entity type, in the data set. */
	Map<Class<?>, List<Long>> ids() {
		return Collections.unmodifiableMap(this.ids);
	}

	/** Whether a row of the data set refers to the row of this entity (given as its root) and id. */
	boolean referenced(Class<?> root, long id) {
		return this.referenced.contains(root.getSimpleName() + "#" + id);
	}

	private void recordReferences(Row row) {
		if (OWN_COLLECTION_TABLES.contains(row.table())) {
			return;
		}
		row.columns().forEach((column, value) -> {
			Class<?> target = row.table().equals("rd_membership") ? (column.equals("club_id") ? Club.class : null)
					: FOREIGN_KEYS.get(column);
			if (target != null && value != null) {
				this.referenced.add(target.getSimpleName() + "#" + value);
			}
		});
	}

	/** One line per row, for a failure report. */
	String describe() {
		return String.join("\n", this.description);
	}

	/** Deletes every row of the {@code rd_} tables and inserts this data set's. */
	void writeTo(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("update rd_person set friend_id = null, car_id = null, pinned_id = null");
				statement.executeUpdate("update rd_city set mayor_id = null");
				for (String table : TABLES) {
					statement.executeUpdate("delete from " + table);
				}
			}
			for (Row row : this.rows) {
				String columns = String.join(", ", row.columns().keySet());
				String placeholders = row.columns()
					.keySet()
					.stream()
					.map((column) -> "?")
					.collect(Collectors.joining(", "));
				execute(connection, "insert into " + row.table() + " (" + columns + ") values (" + placeholders + ")",
						new ArrayList<>(row.columns().entrySet()));
			}
			for (Row row : this.personLinks) {
				List<Map.Entry<String, Object>> columns = new ArrayList<>(row.columns().entrySet());
				columns.add(columns.remove(0));
				execute(connection, "update rd_person set friend_id = ?, car_id = ?, pinned_id = ? where id = ?",
						columns);
			}
			for (Row row : this.mayors) {
				List<Map.Entry<String, Object>> columns = new ArrayList<>(row.columns().entrySet());
				columns.add(columns.remove(0));
				execute(connection, "update rd_city set mayor_id = ? where id = ?", columns);
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every row of the {@code rd_} tables, one line each, sorted: what the programs left. */
	static List<String> readState(DataSource dataSource) {
		List<String> state = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : TABLES) {
				List<String> rows = new ArrayList<>();
				try (ResultSet result = statement.executeQuery("select * from " + table)) {
					ResultSetMetaData metaData = result.getMetaData();
					while (result.next()) {
						Map<String, String> columns = new TreeMap<>();
						for (int i = 1; i <= metaData.getColumnCount(); i++) {
							columns.put(metaData.getColumnLabel(i).toLowerCase(Locale.ROOT), result.getString(i));
						}
						rows.add(table + " " + columns);
					}
				}
				Collections.sort(rows);
				state.addAll(rows);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return state;
	}

	private static void execute(Connection connection, String sql, List<Map.Entry<String, Object>> columns)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < columns.size(); i++) {
				Object value = columns.get(i).getValue();
				if (value == null) {
					statement.setNull(i + 1, sqlType(columns.get(i).getKey()));
				}
				else {
					statement.setObject(i + 1, value);
				}
			}
			statement.executeUpdate();
		}
	}

	private static int sqlType(String column) {
		if (column.equals("id") || column.endsWith("_id")) {
			return Types.BIGINT;
		}
		return INTEGER_COLUMNS.contains(column) ? Types.INTEGER : Types.VARCHAR;
	}

	private List<Long> ids(Class<?> type, int count) {
		List<Long> result = ids(count);
		this.ids.put(type, result);
		return result;
	}

	private static List<Long> ids(int count) {
		List<Long> result = new ArrayList<>();
		for (long id = 1; id <= count; id++) {
			result.add(id);
		}
		return result;
	}

	/** Two to five distinct keys of two columns, a long and an integer, each from 1 to 3. */
	private static List<List<Object>> compositeKeys(Random random) {
		Set<List<Object>> keys = new LinkedHashSet<>();
		int count = 2 + random.nextInt(4);
		while (keys.size() < count) {
			keys.add(List.of(1L + random.nextInt(3), 1 + random.nextInt(3)));
		}
		return List.copyOf(keys);
	}

	/** Types of a hierarchy's rows, in id order: each type at least once. */
	private static List<Class<?>> types(Random random, Class<?> first, Class<?> second, int count) {
		List<Class<?>> types = new ArrayList<>(List.of(first, second));
		while (types.size() < count) {
			types.add(random.nextBoolean() ? first : second);
		}
		Collections.shuffle(types, random);
		return types;
	}

	private void add(String entity, String table, Object... keysAndValues) {
		Map<String, Object> columns = columns(keysAndValues);
		this.rows.add(new Row(table, columns));
		describe((entity != null) ? entity : table, columns);
	}

	private void describe(String what, Map<String, Object> columns) {
		this.description.add(what + " " + columns.entrySet()
			.stream()
			.filter((column) -> column.getValue() != null)
			.map((column) -> column.getKey() + "=" + column.getValue())
			.collect(Collectors.joining(", ")));
	}

	private static Map<String, Object> columns(Object... keysAndValues) {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			columns.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return columns;
	}

}
