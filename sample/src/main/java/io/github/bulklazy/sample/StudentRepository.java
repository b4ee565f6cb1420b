package io.github.bulklazy.sample;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StudentRepository extends JpaRepository<Student, Long> {

	List<Student> findByOrderById(Limit limit);

}
