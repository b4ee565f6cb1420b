package io.github.bulklazy.autoconfigure.app;

import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.testsupport.StatementCounter;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Data repository in a {@code @DataJpaTest} slice, which includes bulk-lazy. Each
 * Spring Boot line's test extends it with its own {@code @DataJpaTest}, whose package differs.
 * Transactional itself: the transaction of a test method is looked up on the class declaring it.
 */
@Transactional
public abstract class SpringDataRepositorySlice {

	@Autowired
	private StudentRepository students;

	@Autowired
	private EntityManager entityManager;

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
