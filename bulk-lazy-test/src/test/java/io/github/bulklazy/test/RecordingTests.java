package io.github.bulklazy.test;

import java.util.List;
import java.util.Map;

import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.bulklazy.test.BulkLazyAssertions.assertThatRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A recording counts what reaches the JDBC driver of a Hibernate session factory nobody wrapped
 * by hand: the same statements as the fixture's own counter, which wraps its data source.
 */
class RecordingTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void recordsEveryStatementWithItsCallSite(TestDatabase database) throws Exception {
		Fixture fixture = Fixture.on(database);
		Recording[] recorded = new Recording[1];
		Run<List<String>> run = fixture.bulk((entityManager) -> {
			try {
				recorded[0] = Recording.of(() -> schoolNames(entityManager));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return recorded[0].statements().stream().map(RecordedStatement::sql).toList();
		});
		assertThat(recorded[0].statements()).as("the students, then their 11 schools at once").hasSize(2);
		assertThat(run.value()).isEqualTo(run.sql());
		assertThat(recorded[0].statements()).extracting(RecordedStatement::callSite)
			.satisfiesExactly((students) -> assertThat(students).startsWith(Fixture.class.getName() + ".students("),
					(schools) -> assertThat(schools).startsWith(RecordingTests.class.getName() + ".lambda$schoolNames$"));
		assertThat(recorded[0].remainingNPlusOne()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void failuresListTheStatementsAndTheRemainingNPlusOne(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factory(
				new BulkLazySettings(List.of(), List.of("Student.school"), null), Map.of())) {
			fixture.run(factory, (entityManager) -> {
				assertThatExceptionOfType(AssertionError.class)
					.isThrownBy(() -> assertThatRunning(() -> schoolNames(entityManager)).hasNoRemainingNPlusOne())
					.withMessageStartingWith("Expected no remaining N+1, but 12 statements ran:")
					.withMessageContaining("%n  1. select ".formatted())
					.withMessageContaining("%n  12. select ".formatted())
					.withMessageContaining("%n     at %s.lambda$schoolNames$".formatted(RecordingTests.class.getName()))
					.withMessageContaining("%nand 10 remaining N+1:%n  - remaining N+1: Student.school loaded one at a "
							.formatted());
				return null;
			});
			fixture.run(factory, (entityManager) -> {
				assertThatExceptionOfType(AssertionError.class)
					.isThrownBy(() -> assertThatRunning(() -> schoolNames(entityManager)).hasAtMostStatements(11))
					.withMessageStartingWith("Expected at most 11 statements, but 12 statements ran:");
				return null;
			});
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void passesWhatBulkLazyLoadsInBulk(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		fixture.bulk((entityManager) -> {
			try {
				assertThatRunning(() -> schoolNames(entityManager)).hasStatements(2)
					.hasAtMostStatements(2)
					.hasNoRemainingNPlusOne();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return null;
		});
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aClosedRecordingRecordsNothingMore(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		List<Integer> sizes = fixture.bulk((entityManager) -> {
			Recording recording = Recording.start();
			Fixture.students(entityManager);
			recording.close();
			schoolNames(entityManager);
			return List.of(recording.statements().size(), recording.remainingNPlusOne().size());
		}).value();
		assertThat(sizes).containsExactly(1, 0);
	}

	static List<String> schoolNames(EntityManager entityManager) {
		return Fixture.students(entityManager).stream().map((student) -> student.getSchool().getName()).toList();
	}

}
