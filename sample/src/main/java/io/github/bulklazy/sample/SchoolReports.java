package io.github.bulklazy.sample;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads a real application makes, written the natural way: load the roots, then walk their
 * lazy associations. Without bulk-lazy each walk is an N+1.
 */
@Service
@Transactional(readOnly = true)
public class SchoolReports {

	private final StudentRepository students;

	private final SchoolRepository schools;

	SchoolReports(StudentRepository students, SchoolRepository schools) {
		this.students = students;
		this.schools = schools;
	}

	/** The first students with their school, district, city and course titles. */
	public List<StudentView> students(int limit) {
		return this.students.findByOrderById(Limit.of(limit))
			.stream()
			.map((student) -> new StudentView(student.getName(), student.getSchool().getName(),
					student.getSchool().getDistrict().getName(), student.getAddress().getCity(),
					student.getCourses().stream().map(Course::getTitle).toList()))
			.toList();
	}

	/** Every school with its district and its students' names and courses. */
	public List<SchoolView> schools() {
		return this.schools.findByOrderByName()
			.stream()
			.map((school) -> new SchoolView(school.getName(), school.getDistrict().getName(),
					school.getStudents()
						.stream()
						.map((student) -> new SchoolView.Pupil(student.getName(),
								student.getCourses().stream().map(Course::getTitle).toList()))
						.toList()))
			.toList();
	}

	/**
	 * A student in the JSON list.
	 *
	 * @param name the student's name
	 * @param school the school's name
	 * @param district the school's district
	 * @param city the city of the student's address
	 * @param courses the titles of the student's courses
	 */
	public record StudentView(String name, String school, String district, String city, List<String> courses) {
	}

	/**
	 * A school on the HTML page.
	 *
	 * @param name the school's name
	 * @param district its district's name
	 * @param pupils its students
	 */
	public record SchoolView(String name, String district, List<Pupil> pupils) {

		/**
		 * A student of the school.
		 *
		 * @param name the student's name
		 * @param courses the titles of the student's courses
		 */
		public record Pupil(String name, List<String> courses) {
		}

	}

}
