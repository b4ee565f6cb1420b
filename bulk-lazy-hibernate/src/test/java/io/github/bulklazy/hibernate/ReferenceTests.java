package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.model.Animal;
import io.github.bulklazy.model.Cat;
import io.github.bulklazy.model.Dog;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proxies made by {@code getReference} belong to no association: their peers are the other
 * uninitialized proxies of the same entity in the session, and they are counted under the entity.
 */
class ReferenceTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void loopOverReferencesRunsOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<School> schools = new ArrayList<>();
			for (long id = 1; id <= 12; id++) {
				schools.add(entityManager.getReference(School.class, id));
			}
			schools.forEach((school) -> observed.value(school.getName()));
			observed.countStatements();
		};
		AssociationStatistics statistics = fixture.bulkPlan().statistics(reference(fixture.bulkPlan(), "School"));
		long batches = statistics.batches();
		long saved = statistics.queriesSaved();
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith("School 1").contains("School 12");
		assertThat(observed.statements()).as("the 12 schools in one statement").containsExactly(1);
		assertThat(fixture.plain(work).statements()).containsExactly(12);
		assertThat(statistics.batches() - batches).isEqualTo(1);
		assertThat(statistics.queriesSaved() - saved).isEqualTo(11);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesAndAssociationProxiesOfOneEntityLoadTogether(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Student> students = Fixture.students(entityManager);
			School twelve = entityManager.getReference(School.class, 12L);
			observed.value(twelve.getName());
			students.forEach((student) -> observed.value(student.getSchool().getName()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith("School 12");
		assertThat(observed.statements()).as("the students, then school 12 with theirs").containsExactly(2);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesSurviveAFlush(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<School> schools = new ArrayList<>();
			for (long id = 1; id <= 12; id++) {
				schools.add(entityManager.getReference(School.class, id));
			}
			entityManager.find(Animal.class, 1L).setName("Renamed");
			entityManager.flush();
			observed.skipStatements();
			schools.forEach((school) -> observed.value(school.getName()));
			observed.countStatements();
		};
		assertThat(fixture.sameAsPlain(work).statements()).containsExactly(1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesOfAnExcludedEntityLoadOneByOne(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of("School"), null),
				plans, Map.of())) {
			var run = fixture.run(factory, (entityManager) -> {
				for (long id = 1; id <= 12; id++) {
					entityManager.getReference(School.class, id).getName();
				}
				return null;
			});
			assertThat(run.statements()).isEqualTo(12);
			Association references = reference(plans.all().get(0), "School");
			assertThat(references.mode()).isEqualTo(Mode.EXCLUDED);
			assertThat(plans.all().get(0).statistics(references).fallbacks()).isEqualTo(12);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aReferenceOfTheWrongSubclassFailsAfterTheRowItNamesWaitedAsAPeer(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			// Rex (1) is a dog, which owner 1 holds as a Dog proxy: a peer of owner 2's dog, Fido (3)
			Cat rexAsCat = entityManager.getReference(Cat.class, 1L);
			List<PetOwner> owners = entityManager.createQuery("from PetOwner o where o.id <= 2 order by o.id",
					PetOwner.class).getResultList();
			observed.value(owners.get(1).getDog().getName());
			observed.value(nameOrFailure(rexAsCat));
			observed.value(owners.get(0).getDog().getName());
		};
		assertThat(fixture.sameAsPlain(work).values()).containsExactly("Fido", "EntityNotFoundException", "Rex");
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aReferenceOfTheWrongSubclassThatABulkLoadMissedStillFails(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			// Tom (2) is a cat, Rex (1) is not: reading Tom loads both references, and finds no cat Rex
			Cat rexAsCat = entityManager.getReference(Cat.class, 1L);
			Cat tom = entityManager.getReference(Cat.class, 2L);
			observed.value(tom.getName());
			List<PetOwner> owners = entityManager.createQuery("from PetOwner o where o.id <= 2 order by o.id",
					PetOwner.class).getResultList();
			observed.value(owners.get(1).getDog().getName());
			observed.value(nameOrFailure(rexAsCat));
		};
		assertThat(fixture.sameAsPlain(work).values()).containsExactly("Tom", "Fido", "EntityNotFoundException");
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesToARootAndToASubclassAreTwoGroups(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			// Tom (2) is a cat: the reference typed to Dog cannot be loaded, as in plain Hibernate
			List<Dog> dogs = List.of(entityManager.getReference(Dog.class, 1L), entityManager.getReference(Dog.class, 2L),
					entityManager.getReference(Dog.class, 3L));
			List<Animal> animals = List.of(entityManager.getReference(Animal.class, 4L));
			observed.value(dogs.get(0).getName());
			observed.value(dogs.get(2).getName());
			observed.countStatements();
			observed.value(Hibernate.getClass(animals.get(0)).getSimpleName() + " " + animals.get(0).getName());
			observed.countStatements();
			observed.value(nameOrFailure(dogs.get(1)));
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("Rex", "Fido", "Cat Kitty", "EntityNotFoundException");
		assertThat(observed.statements()).as("the Dog references, then the Animal reference").containsExactly(1, 1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void everyEntityWithProxiesHasItsReferences(TestDatabase database) {
		BulkLazyPlan plan = Fixture.on(database).bulkPlan();
		assertThat(plan.associations()).filteredOn((association) -> association.kind() == Kind.REFERENCE)
			.extracting(Association::name)
			.contains("School", "Student", "Animal", "Dog", "Cat");
		assertThat(reference(plan, "Student").targetEntity()).isEqualTo(Student.class.getName());
	}

	/** The animal's name, or the simple name of the exception reading it raises. */
	private static String nameOrFailure(Animal animal) {
		try {
			return animal.getName();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
	}

	private static Association reference(BulkLazyPlan plan, String entity) {
		return plan.associations()
			.stream()
			.filter((association) -> association.kind() == Kind.REFERENCE && association.name().equals(entity))
			.findFirst()
			.orElseThrow();
	}

}
