package io.github.bulklazy.autoconfigure.app;

import java.util.List;

import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.test.Recording;
import io.github.bulklazy.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application with the starter, its Spring Data repository and Boot's own entity manager
 * factory, on each database: a loop over lazy associations costs one statement per association.
 * The tables and rows are the engine tests' fixture.
 */
class ApplicationOnEveryDatabaseTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void repositoryLoopsAreBulkLoaded(TestDatabase database) {
		Fixture.on(database);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=none",
					"spring.jpa.open-in-view=false")
			.run()) {
			StudentRepository students = context.getBean(StudentRepository.class);
			List<Object> trace = context.getBean(TransactionTemplate.class).execute((status) -> {
				try (Recording recording = Recording.start()) {
					List<Student> all = students.findAll();
					long schools = all.stream().map((student) -> student.getSchool().getName()).distinct().count();
					int courses = all.stream().mapToInt((student) -> student.getCourses().size()).sum();
					return List.of(all.size(), schools, courses, recording.statements().size());
				}
			});
			assertThat(trace).as("60 students, 11 schools, 162 enrollments in courses not archived; "
					+ "statements: the query, the schools, the courses")
				.containsExactly(60, 11L, 162, 3);
		}
	}

}
