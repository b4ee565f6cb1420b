package io.github.bulklazy.autoconfigure.app;

import io.github.bulklazy.model.Student;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StudentRepository extends JpaRepository<Student, Long> {

}
