package io.github.bulklazy.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.bulklazy.hibernate.BulkLazyIntegrator;
import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bulk load is one observation, around every statement of its chunks. */
class BulkLoadObservationsTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eachBulkLoadIsOneObservationAroundItsStatements(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<String> observed = observe(fixture, (entityManager) -> {
			List<Student> students = Fixture.students(entityManager);
			students.forEach((student) -> student.getSchool().getName());
			return students.get(0).getNicknames().size();
		});
		assertThat(observed).as("11 schools and 60 nickname lists, 4 keys a statement")
			.containsExactly("bulk.lazy.load Student.school keys=11 statements=3",
					"bulk.lazy.load Student.nicknames keys=60 statements=15");
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerTargetsAnotherAssociationLoadedAreNoObservation(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<String> observed = observe(fixture, (entityManager) -> {
			entityManager.createNativeQuery("update bl_player set former_school_id = school_id").executeUpdate();
			return entityManager.createQuery("from Player", Player.class).getResultList().size();
		});
		assertThat(observed).as("the courses and the former schools; not the schools, which are the former schools, loaded already")
			.hasSize(Fixture.DEFERS ? 2 : 0)
			.allSatisfy((observation) -> assertThat(observation).doesNotContain("keys=0"));
	}

	/** The observations of the work's bulk loads, at 4 keys a statement, with the statements each spans. */
	private static List<String> observe(Fixture fixture, Function<EntityManager, Integer> work) {
		List<String> observed = new ArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			private int statementsAtStart;

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStart(Observation.Context context) {
				this.statementsAtStart = fixture.sql().size();
			}

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName() + " " + context.getLowCardinalityKeyValue("association").getValue() + " keys="
						+ context.getHighCardinalityKeyValue("keys").getValue() + " statements="
						+ (fixture.sql().size() - this.statementsAtStart));
			}

		});
		BulkLazyIntegrator integrator = new BulkLazyIntegrator(new BulkLazySettings(List.of(), List.of(), 4),
				new BulkLazyPlans(), null)
			.observedBy(new BulkLoadObservations(registry));
		try (EntityManagerFactory factory = fixture.factoryWith(integrator, Map.of())) {
			fixture.run(factory, work);
		}
		return observed;
	}

}
