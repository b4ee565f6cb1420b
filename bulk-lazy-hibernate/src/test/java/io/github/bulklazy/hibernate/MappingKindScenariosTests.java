package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;

import io.github.bulklazy.model.Address;
import io.github.bulklazy.model.User;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scenario per mapping kind (one-to-one, one-to-many, many-to-one, self-references,
 * many-to-many): each loads its peers in one statement and reads what plain Hibernate reads. Each
 * records what it read and how many statements each step ran.
 * <p>
 * The scenarios are those of the test suite of SQLAlchemy-bulk-lazy-loader, the Python library
 * bulk-lazy is modelled on, on JPA entities.
 */
class MappingKindScenariosTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void oneToOneLoadsEveryUsersInfoInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Object> trace = fixture.sameAsPlain((entityManager) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			List<Object> steps = new ArrayList<>();
			steps.add(fixture.statementsSinceMark());
			steps.add(details(users.get(0)));
			steps.add(fixture.statementsSinceMark());
			for (User user : users) {
				steps.add(details(user));
			}
			users.stream().filter((user) -> user.getUserInfo() != null)
				.forEach((user) -> steps.add(user.getUserInfo().getUser().getName()));
			steps.add(fixture.statementsSinceMark());
			return steps;
		});
		assertThat(trace).containsExactly(1, "info 1", 1, "info 1", "info 2", null, "info 3", "jack", "ed", "chuck", 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void loadsOnlyUnpopulatedCollections(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Run<List<Object>> run = fixture.bulk((entityManager) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			List<Object> steps = new ArrayList<>();
			steps.add(emails(users.get(1).getAddresses()));
			steps.add(fixture.statementsSinceMark());
			steps.add(fixture.sql().get(fixture.sql().size() - 1));
			return steps;
		});
		// the first read loaded all four; a second traversal of fresh users must load only the others
		Run<List<Object>> second = fixture.bulk((entityManager) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			users.get(1).getAddresses().size();
			fixture.statementsSinceMark();
			List<Object> steps = new ArrayList<>();
			steps.add(emails(users.get(0).getAddresses()));
			steps.add(fixture.statementsSinceMark());
			users.forEach((user) -> steps.add(emails(user.getAddresses())));
			steps.add(fixture.statementsSinceMark());
			return steps;
		});
		assertThat(run.value().get(1)).isEqualTo(2);
		assertThat(second.value()).containsExactly(List.of("jack@bean.com"), 0, List.of("jack@bean.com"),
				List.of("ed@wood.com", "ed@lala.com", "ed@bettyboop.com"), List.of("fred@fred.com"), List.of(), 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void oneToManyKeepsOrderAndGivesEmptyCollections(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Object> trace = fixture.sameAsPlain((entityManager) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			fixture.statementsSinceMark();
			List<Object> steps = new ArrayList<>();
			steps.add(emails(users.get(0).getAddresses()));
			steps.add(fixture.statementsSinceMark());
			users.forEach((user) -> steps.add(emails(user.getAddresses())));
			users.forEach((user) -> user.getAddresses().forEach((address) -> steps.add(address.getUser().getName())));
			steps.add(fixture.statementsSinceMark());
			return steps;
		});
		assertThat(trace).containsExactly(List.of("jack@bean.com"), 1, List.of("jack@bean.com"),
				List.of("ed@wood.com", "ed@lala.com", "ed@bettyboop.com"), List.of("fred@fred.com"), List.of(), "jack",
				"ed", "ed", "ed", "fred", 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void manyToOneLoadsSharedOwnersOnce(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Object> trace = fixture.sameAsPlain((entityManager) -> {
			List<Address> addresses = entityManager.createQuery("from Address a order by a.id", Address.class)
				.getResultList();
			fixture.statementsSinceMark();
			List<Object> steps = new ArrayList<>();
			steps.add(addresses.get(0).getUser().getName());
			steps.add(fixture.statementsSinceMark());
			addresses.forEach((address) -> steps.add(address.getUser().getName()));
			steps.add(fixture.statementsSinceMark());
			return steps;
		});
		assertThat(trace).containsExactly("jack", 1, "jack", "ed", "ed", "ed", "fred", 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void selfReferencingOneToMany(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Object> trace = fixture.sameAsPlain((entityManager) -> {
			List<User> users = users(entityManager, 7, 8);
			fixture.statementsSinceMark();
			List<Object> steps = new ArrayList<>();
			steps.add(names(users.get(0).getChildren()));
			steps.add(fixture.statementsSinceMark());
			steps.add(names(users.get(1).getChildren()));
			users.get(0).getChildren().forEach((child) -> steps.add(child.getParent().getName()));
			steps.add(fixture.statementsSinceMark());
			return steps;
		});
		assertThat(trace).containsExactly(List.of("ed", "fred"), 1, List.of("chuck"), "jack", "jack", 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void selfReferencingManyToOne(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Object> trace = fixture.sameAsPlain((entityManager) -> {
			List<User> users = users(entityManager, 8, 9, 10);
			fixture.statementsSinceMark();
			List<Object> steps = new ArrayList<>();
			steps.add(users.get(1).getParent().getName());
			steps.add(fixture.statementsSinceMark());
			users.forEach((user) -> steps.add(user.getParent().getName()));
			steps.add(fixture.statementsSinceMark());
			return steps;
		});
		assertThat(trace).containsExactly("jack", 1, "jack", "jack", "ed", 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void manyToManyThroughJoinTableKeepsDuplicatedRowsAsHibernateDoes(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Object> trace = fixture.sameAsPlain((entityManager) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			fixture.statementsSinceMark();
			List<Object> steps = new ArrayList<>();
			steps.add(users.get(0).getThings().toString());
			steps.add(fixture.statementsSinceMark());
			users.forEach((user) -> steps.add(user.getThings().stream().map(Object::toString).sorted().toList()));
			steps.add(fixture.statementsSinceMark());
			return steps;
		});
		assertThat(trace).containsExactly("[dog]", 1, List.of("dog"), List.of("dog", "dog"), List.of("lamp"),
				List.of("chair", "lamp"), 0);
	}

	static List<User> users(EntityManager entityManager, long... ids) {
		List<Long> keys = java.util.Arrays.stream(ids).boxed().toList();
		return entityManager.createQuery("from User u where u.id in :ids order by u.id", User.class)
			.setParameter("ids", keys)
			.getResultList();
	}

	private static String details(User user) {
		return (user.getUserInfo() != null) ? user.getUserInfo().getDetails() : null;
	}

	private static List<String> emails(List<Address> addresses) {
		return addresses.stream().map(Address::getEmail).toList();
	}

	private static List<String> names(List<User> users) {
		return users.stream().map(User::getName).toList();
	}

}
