package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;

import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A bulk statement that fails reaches the caller as the exception the lazy load would raise, and
 * leaves no collection initialized with partial content.
 */
class DatabaseErrorTests {

	/** Sends the nickname table's statements to a table that does not exist while switched on. */
	static final class BreakingInspector implements StatementInspector {

		volatile boolean breaking;

		@Override
		public String inspect(String sql) {
			return this.breaking ? sql.replace("bl_student_nickname", "bl_no_such_table") : sql;
		}

	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void failedBulkStatementRaisesWhatTheLazyLoadRaisesAndInitializesNothing(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BreakingInspector inspector = new BreakingInspector();
		Map<String, Object> properties = Map.of("hibernate.session_factory.statement_inspector", inspector);
		try (EntityManagerFactory bulk = fixture.factory(BulkLazySettings.defaults(), properties);
				EntityManagerFactory plain = fixture.factory(null, properties)) {
			Throwable bulkError = readNicknamesFailing(fixture, bulk, inspector);
			Throwable plainError = readNicknamesFailing(fixture, plain, inspector);
			assertThat(bulkError).isNotNull().hasSameClassAs(plainError);
		}
	}

	private static Throwable readNicknamesFailing(Fixture fixture, EntityManagerFactory factory,
			BreakingInspector inspector) {
		return fixture.run(factory, (EntityManager entityManager) -> {
			List<Student> students = Fixture.students(entityManager);
			inspector.breaking = true;
			try {
				Throwable error = catchThrowable(() -> students.get(0).getNicknames().size());
				assertThat(students).noneMatch((student) -> Hibernate.isInitialized(student.getNicknames()));
				return error;
			}
			finally {
				inspector.breaking = false;
			}
		}).value();
	}

}
