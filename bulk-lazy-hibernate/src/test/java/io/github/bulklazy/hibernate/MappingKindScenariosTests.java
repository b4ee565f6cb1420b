package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.function.BiConsumer;

import io.github.bulklazy.model.Address;
import io.github.bulklazy.model.User;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
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
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			observed.countStatements();
			observed.value(details(users.get(0)));
			observed.countStatements();
			users.forEach((user) -> observed.value(details(user)));
			users.stream().filter((user) -> user.getUserInfo() != null)
				.forEach((user) -> observed.value(user.getUserInfo().getUser().getName()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("info 1", "info 1", "info 2", null, "info 3", "jack", "ed",
				"chuck");
		assertThat(observed.statements()).as("the users, then every info in one statement, then none")
			.containsExactly(1, 1, 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void loadsOnlyUnpopulatedCollections(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Observed first = fixture.bulk((entityManager, observed) -> {
			users(entityManager, 7, 8, 9, 10).get(1).getAddresses().size();
			observed.countStatements();
		});
		// the first read loaded all four; a second traversal of fresh users must load only the others
		Observed second = fixture.bulk((entityManager, observed) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			users.get(1).getAddresses().size();
			observed.skipStatements();
			observed.value(emails(users.get(0).getAddresses()));
			observed.countStatements();
			users.forEach((user) -> observed.value(emails(user.getAddresses())));
			observed.countStatements();
		});
		assertThat(first.statements()).as("the users, then every user's addresses").containsExactly(2);
		assertThat(second.values()).containsExactly(List.of("jack@bean.com"), List.of("jack@bean.com"),
				List.of("ed@wood.com", "ed@lala.com", "ed@bettyboop.com"), List.of("fred@fred.com"), List.of());
		assertThat(second.statements()).containsExactly(0, 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void oneToManyKeepsOrderAndGivesEmptyCollections(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			observed.skipStatements();
			observed.value(emails(users.get(0).getAddresses()));
			observed.countStatements();
			users.forEach((user) -> observed.value(emails(user.getAddresses())));
			users.forEach((user) -> user.getAddresses().forEach((address) -> observed.value(address.getUser().getName())));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly(List.of("jack@bean.com"), List.of("jack@bean.com"),
				List.of("ed@wood.com", "ed@lala.com", "ed@bettyboop.com"), List.of("fred@fred.com"), List.of(), "jack",
				"ed", "ed", "ed", "fred");
		assertThat(observed.statements()).as("every user's addresses in one statement, then none")
			.containsExactly(1, 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void manyToOneLoadsSharedOwnersOnce(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Address> addresses = entityManager.createQuery("from Address a order by a.id", Address.class)
				.getResultList();
			observed.skipStatements();
			observed.value(addresses.get(0).getUser().getName());
			observed.countStatements();
			addresses.forEach((address) -> observed.value(address.getUser().getName()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("jack", "jack", "ed", "ed", "ed", "fred");
		assertThat(observed.statements()).as("every address's user in one statement, then none")
			.containsExactly(1, 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void selfReferencingOneToMany(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<User> users = users(entityManager, 7, 8);
			observed.skipStatements();
			observed.value(names(users.get(0).getChildren()));
			observed.countStatements();
			observed.value(names(users.get(1).getChildren()));
			users.get(0).getChildren().forEach((child) -> observed.value(child.getParent().getName()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly(List.of("ed", "fred"), List.of("chuck"), "jack", "jack");
		assertThat(observed.statements()).as("both users' children in one statement, then none")
			.containsExactly(1, 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void selfReferencingManyToOne(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<User> users = users(entityManager, 8, 9, 10);
			observed.skipStatements();
			observed.value(users.get(1).getParent().getName());
			observed.countStatements();
			users.forEach((user) -> observed.value(user.getParent().getName()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("jack", "jack", "jack", "ed");
		assertThat(observed.statements()).as("every user's parent in one statement, then none")
			.containsExactly(1, 0);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void manyToManyThroughJoinTableKeepsDuplicatedRowsAsHibernateDoes(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<User> users = users(entityManager, 7, 8, 9, 10);
			observed.skipStatements();
			observed.value(users.get(0).getThings().toString());
			observed.countStatements();
			users.forEach((user) -> observed.value(user.getThings().stream().map(Object::toString).sorted().toList()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("[dog]", List.of("dog"), List.of("dog", "dog"), List.of("lamp"),
				List.of("chair", "lamp"));
		assertThat(observed.statements()).as("every user's things in one statement, then none")
			.containsExactly(1, 0);
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
