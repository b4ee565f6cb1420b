package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.model.Animal;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.School;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * EAGER to-ones are left to Hibernate, which loads each distinct target with a select of its own
 * after the query. The 40 players reach 11 schools through {@code school} and
 * {@code formerSchool} (10 former schools are missing from their table) and 4 mascots.
 */
class EagerToOneTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerToOnesLoadAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			for (Player player : entityManager.createQuery("from Player p order by p.id", Player.class)
				.getResultList()) {
				trace.add(player.getId() + ":" + name(player.getSchool()) + "/" + name(player.getFormerSchool()) + "/"
						+ mascot(player.getMascot()));
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).contains("1:School 2/School 2/Cat Tom", "3:School 4/-/Cat Kitty", "7:-/School 8/Cat Kitty",
				"20:School 3/-/-");
		assertThat(trace.get(trace.size() - 1)).as("the query, then a select per school, missing school and mascot")
			.isEqualTo(1 + 11 + 10 + 4)
			.isEqualTo(fixture.plain(work).statements());
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().startsWith("Player."))
			.extracting(Association::kind, Association::mode, Association::reason)
			.containsOnly(tuple(Kind.EAGER_TO_ONE, Mode.FALLBACK, Reason.EAGER));
	}

	private static String name(School school) {
		return (school != null) ? school.getName() : "-";
	}

	private static String mascot(Animal animal) {
		return (animal != null) ? Hibernate.getClass(animal).getSimpleName() + " " + animal.getName() : "-";
	}

}
