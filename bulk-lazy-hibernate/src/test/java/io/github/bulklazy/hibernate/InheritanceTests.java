package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.model.Bike;
import io.github.bulklazy.model.Car;
import io.github.bulklazy.model.Cat;
import io.github.bulklazy.model.Dog;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.Shelter;
import io.github.bulklazy.model.Vehicle;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proxies typed to a root entity and to its subclasses in one session: what the application sees
 * and writes is what plain Hibernate gives it.
 */
class InheritanceTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerCollectionsWhoseElementsHoldProxiesOfTwoSubclassTypesLoadInTheOrderOfTheResult(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		for (String order : List.of("asc", "desc")) {
			BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
				// the owners load while the read-only query runs, their proxies of Rex read-only: typed
				// to Animal (owner 4, shelter 1) and to Dog (owner 1, shelter 2)
				entityManager.createQuery("from Shelter s order by s.id " + order, Shelter.class)
					.setHint(HibernateHints.HINT_READ_ONLY, true)
					.getResultList();
				Dog rex = entityManager.find(Dog.class, 1L);
				observed.value(entityManager.unwrap(Session.class).isReadOnly(rex));
				rex.setName("Rex II");
				entityManager.flush();
				observed.value(entityManager.createNativeQuery("select name from bl_animal where id = 1").getSingleResult());
			};
			fixture.sameAsPlain(work);
		}
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().equals("Shelter.owners"))
			.extracting(Association::reason)
			.containsExactly(Reason.MIXED_PROXY_TYPES);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aReadOnlyRootProxyDoesNotMakeASubclassProxyReadOnly(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			// owner 4's pet is the Animal proxy of dog 1, read-only; owner 1's dog is the Dog proxy of it
			entityManager.createQuery("from PetOwner o where o.id = 4", PetOwner.class)
				.setHint(HibernateHints.HINT_READ_ONLY, true)
				.getResultList();
			PetOwner owner = entityManager.find(PetOwner.class, 1L);
			owner.getDog().setName("Rex changed");
			entityManager.flush();
			observed.value(entityManager.createNativeQuery("select name from bl_animal where id = 1").getSingleResult());
		};
		assertThat(fixture.sameAsPlain(work).values()).containsExactly("Rex changed");
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aProxyOfTheWrongSubclassDoesNotBreakAQueryForTheRightOne(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.getReference(Car.class, 1L);
			observed.value(outcome(() -> entityManager.createQuery("from Bike b order by b.id", Bike.class)
				.getResultList()
				.stream()
				.map(Vehicle::getLabel)
				.toList()));
			observed.value(outcome(() -> entityManager.createQuery("from Car c order by c.id", Car.class)
				.getResultList()
				.stream()
				.map((car) -> (car.getGarage() != null) ? car.getGarage().getName() : "-")
				.toList()));
		};
		assertThat(fixture.sameAsPlain(work).values()).containsExactly(List.of("Bike 1", "Bike 4"),
				List.of("City 1", "-"));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void subclassProxiesReachedThroughTheirRootLoadAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<PetOwner> owners = entityManager.createQuery("from PetOwner o order by o.id", PetOwner.class)
				.setHint(HibernateHints.HINT_READ_ONLY, true)
				.getResultList();
			PetOwner first = entityManager.find(PetOwner.class, 1L);
			for (PetOwner owner : owners) {
				observed.value(owner.getPet().getClass().getSuperclass().getSimpleName() + " " + owner.getPet().getName());
				observed.value(entityManager.unwrap(Session.class).isReadOnly(owner.getPet()));
			}
			observed.value(first.getDog().getName());
		};
		fixture.sameAsPlain(work);
	}

	/** The value, or the simple name of the exception the call threw. */
	private static Object outcome(Supplier<Object> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
	}


	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aProxyOfARootUnlikeTheSessionsDefaultLoadsAloneSoThatAMergeOfItsSubclassWritesAsInPlainHibernate(
			TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		for (boolean readOnlyQuery : List.of(true, false)) {
			BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
				// proxies of the owners' pets, typed to Animal, read-only or not: Tom and Kitty are cats
				List<PetOwner> owners = entityManager.createQuery("from PetOwner o order by o.id", PetOwner.class)
					.setHint(HibernateHints.HINT_READ_ONLY, readOnlyQuery)
					.getResultList();
				// the session's default the other way round
				entityManager.unwrap(Session.class).setDefaultReadOnly(!readOnlyQuery);
				observed.value(owners.get(0).getPet().getName());
				entityManager.merge(new Cat(4L, "Kitty II"));
				entityManager.flush();
				observed.value(entityManager.createNativeQuery("select name from bl_animal where id = 4").getSingleResult());
			};
			assertThat(fixture.sameAsPlain(work).values()).as("read-only query: " + readOnlyQuery)
				.containsExactly("Tom", readOnlyQuery ? "Kitty II" : "Kitty");
		}
	}

}
