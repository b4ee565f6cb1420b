package io.github.bulklazy.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the database at start-up: 10 districts, 50 schools, 150 teachers, 120 courses and 3,000
 * students, each with an address and 3 courses.
 */
@Component
class DataSeeder implements ApplicationRunner {

	static final int STUDENTS = 3000;

	private static final String[] FIRST_NAMES = { "Ada", "Alan", "Barbara", "Claude", "Donald", "Edsger", "Frances",
			"Grace", "John", "Katherine", "Leslie", "Margaret", "Niklaus", "Radia", "Tim" };

	private static final String[] LAST_NAMES = { "Lovelace", "Turing", "Liskov", "Shannon", "Knuth", "Dijkstra",
			"Allen", "Hopper", "Backus", "Johnson", "Lamport", "Hamilton", "Wirth", "Perlman", "Berners-Lee" };

	private static final String[] SUBJECTS = { "Algebra", "Biology", "Chemistry", "Drawing", "Economics", "French",
			"Geography", "History", "Informatics", "Latin", "Music", "Physics" };

	private final JdbcTemplate jdbc;

	DataSeeder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.jdbc.queryForObject("select count(*) from student", Integer.class) > 0) {
			return;
		}
		insert("insert into district (id, name) values (?, ?)", 10, (id) -> new Object[] { id, "District " + id });
		insert("insert into school (id, name, district_id) values (?, ?, ?)", 50,
				(id) -> new Object[] { id, "School " + id, (id - 1) % 10 + 1 });
		insert("insert into teacher (id, name, school_id) values (?, ?, ?)", 150,
				(id) -> new Object[] { id, person(id + 7), (id - 1) % 50 + 1 });
		insert("insert into course (id, title, teacher_id) values (?, ?, ?)", 120,
				(id) -> new Object[] { id, SUBJECTS[(int) (id % SUBJECTS.length)] + " " + ((id - 1) / 12 + 1),
						(id - 1) % 150 + 1 });
		insert("insert into address (id, street, city) values (?, ?, ?)", STUDENTS,
				(id) -> new Object[] { id, id + " Main Street", "City " + ((id - 1) % 25 + 1) });
		insert("insert into student (id, name, school_id, address_id) values (?, ?, ?, ?)", STUDENTS,
				(id) -> new Object[] { id, person(id), (id - 1) % 50 + 1, id });
		insert("insert into enrollment (student_id, course_id) values (?, ?)", STUDENTS * 3,
				(row) -> new Object[] { (row - 1) / 3 + 1, ((row - 1) / 3 * 7 + (row - 1) % 3 * 41) % 120 + 1 });
	}

	private static String person(long id) {
		return FIRST_NAMES[(int) (id % FIRST_NAMES.length)] + " " + LAST_NAMES[(int) (id / FIRST_NAMES.length % LAST_NAMES.length)];
	}

	private void insert(String sql, int rows, java.util.function.LongFunction<Object[]> row) {
		List<Object[]> batch = new ArrayList<>(rows);
		for (long id = 1; id <= rows; id++) {
			batch.add(row.apply(id));
		}
		this.jdbc.batchUpdate(sql, batch);
	}

}
