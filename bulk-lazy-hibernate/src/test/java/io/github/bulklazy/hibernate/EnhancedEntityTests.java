package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.bulklazy.enhanced.Academy;
import io.github.bulklazy.enhanced.Pupil;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytecode-enhanced entities: Hibernate uses an enhanced entity without subclasses as its own
 * proxy and initializes it without a load event.
 */
class EnhancedEntityTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void theTestModelIsEnhanced(TestDatabase database) {
		assertThat(PersistentAttributeInterceptable.class).isAssignableFrom(Pupil.class);
		assertThat(PersistentAttributeInterceptable.class).isAssignableFrom(Academy.class);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void enhancedProxiesOfAToOneLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			for (Pupil pupil : pupils(entityManager)) {
				trace.add(pupil.getName());
				trace.add((pupil.getAcademy() != null) ? pupil.getAcademy().getName() : null);
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.plain(work).statements()).isEqualTo(7);
		assertThat(fixture.sameAsPlain(work)).contains("Academy 6").endsWith(2);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsOfEnhancedEntitiesLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			for (Academy academy : entityManager.createQuery("from Academy a order by a.id", Academy.class)
				.getResultList()) {
				trace.add(academy.getName());
				trace.add(academy.getPupils().stream().map(Pupil::getName).toList());
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.plain(work).statements()).isEqualTo(10);
		assertThat(fixture.sameAsPlain(work)).contains("Academy 9").endsWith(2);
	}

	private static List<Pupil> pupils(EntityManager entityManager) {
		return entityManager.createQuery("from Pupil p order by p.id", Pupil.class).getResultList();
	}

}
