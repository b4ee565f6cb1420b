package io.github.bulklazy.autoconfigure.app;

import java.util.Collection;

import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.test.NoRemainingNPlusOne;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static io.github.bulklazy.test.BulkLazyAssertions.assertThatRunning;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Data repository in a {@code @DataJpaTest} slice, which includes bulk-lazy, without
 * remaining N+1. Each Spring Boot line's test extends it with its own {@code @DataJpaTest}, whose
 * package differs. Transactional itself: the transaction of a test method is looked up on the
 * class declaring it.
 */
@Transactional
@NoRemainingNPlusOne
public abstract class SpringDataRepositorySlice {

	@Autowired
	private StudentRepository students;

	@Autowired
	private EntityManager entityManager;

	@Test
	void repositoryResultsAreBulkLoaded() throws Exception {
		for (long id = 1; id <= 5; id++) {
			this.entityManager.persist(new School(id, "School " + id, null));
		}
		for (long id = 1; id <= 20; id++) {
			this.entityManager.persist(new Student(id, "Student " + id, this.entityManager.find(School.class, (id % 5) + 1)));
		}
		this.entityManager.flush();
		this.entityManager.clear();
		assertThatRunning(() -> assertThat(this.students.findAll()).extracting((student) -> student.getSchool().getName())
			.hasSize(20)
			.contains("School 1", "School 5")).as("the repository query and one for the five schools").hasStatements(2);
		assertThatRunning(() -> this.students.findAll().stream().map(Student::getCourses).forEach(Collection::size))
			.as("the repository query and one for every student's courses")
			.hasStatements(2);
	}

}
