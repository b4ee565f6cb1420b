package io.github.bulklazy.autoconfigure.app;

import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** A Spring Data repository in a {@code @DataJpaTest} slice, which includes bulk-lazy. */
@DataJpaTest
@Import(StatementCounting.class)
class SpringDataRepositoryTests {

	@Autowired
	private StudentRepository students;

	@Autowired
	private TestEntityManager entityManager;

	@Autowired
	private StatementCounter counter;

	@Test
	void repositoryResultsAreBulkLoaded() {
		for (long id = 1; id <= 5; id++) {
			this.entityManager.persist(new School(id, "School " + id, null));
		}
		for (long id = 1; id <= 20; id++) {
			this.entityManager.persist(new Student(id, "Student " + id, this.entityManager.find(School.class, (id % 5) + 1)));
		}
		this.entityManager.flush();
		this.entityManager.clear();
		this.counter.reset();
		assertThat(this.students.findAll()).extracting((student) -> student.getSchool().getName()).hasSize(20)
			.contains("School 1", "School 5");
		assertThat(this.counter.count()).as("the repository query and one for the five schools").isEqualTo(2);
		this.students.findAll().stream().map(Student::getCourses).forEach((courses) -> courses.size());
		assertThat(this.counter.count()).isEqualTo(4);
	}

}
