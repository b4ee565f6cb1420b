package io.github.bulklazy.autoconfigure.app;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The school of every student: a page that reads one lazy association in a loop. */
@RestController
class StudentSchoolsController {

	private final StudentRepository students;

	StudentSchoolsController(StudentRepository students) {
		this.students = students;
	}

	@GetMapping("/students/schools")
	List<String> schools() {
		return this.students.findAll().stream().map((student) -> student.getSchool().getName()).toList();
	}

}
