package io.github.bulklazy.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the database at start-up: 10 districts, 50 schools, 150 teachers, 120 courses and 3,000
 * students, each with an address and 3 courses. The same data on every start: every name comes
 * from arithmetic on the row's number, without randomness.
 * <p>
 * Names look real and differ: the 50 schools are 50 distinct places, each with a kind of school;
 * a person's first and last names are picked by the remainders of their number by 61 and by 53,
 * which differ for any two numbers below 61 × 53 = 3,233 (the Chinese remainder theorem), so no
 * two of the 3,000 students and 150 teachers share a name. The students of a school are every
 * 50th number; 50 shares no factor with 61, so their first names all differ too. The only numbers
 * in names are course levels, all of three digits, so sorting by name is natural order.
 */
@Component
class DataSeeder implements ApplicationRunner {

	static final int STUDENTS = 3000;

	private static final String[] DISTRICTS = { "Northgate", "Eastleigh", "Kingsbury", "Bramley", "Harrowgate",
			"Fenwick", "Carrow", "Lindfield", "Dunmore", "Westbury" };

	/** The first and second halves of the schools' places: 10 × 5 = 50 distinct places. */
	private static final String[] PLACE_STARTS = { "Oak", "River", "Maple", "Cedar", "Pine", "Lake", "Stone", "Elm",
			"Birch", "Ash" };

	private static final String[] PLACE_ENDS = { "wood", "side", "field", "brook", "view" };

	private static final String[] SCHOOL_KINDS = { "High School", "Academy", "Elementary School", "Middle School",
			"Primary School", "Preparatory School", "Community School" };

	/** 61 first names; 61 shares no factor with 53 (the last names) nor with 50 (the schools). */
	private static final String[] FIRST_NAMES = { "Olivia", "Liam", "Amara", "Noah", "Sofia", "Mateo", "Priya",
			"Lucas", "Chloe", "Ethan", "Yuki", "Oliver", "Fatima", "Jonas", "Isabella", "Kwame", "Mia", "Diego",
			"Hannah", "Arjun", "Emma", "Tomas", "Leila", "Samuel", "Ingrid", "Mohammed", "Grace", "Luca", "Zoe", "Ravi",
			"Ava", "Henrik", "Nadia", "Daniel", "Mei", "Gabriel", "Elena", "Kofi", "Charlotte", "Hugo", "Aisha", "Felix",
			"Lucia", "Omar", "Maya", "Julian", "Sara", "Wei", "Amelia", "Pablo", "Nora", "Tariq", "Ella", "Marco",
			"Chiara", "Ibrahim", "Freya", "Kenji", "Ruby", "Adrian", "Layla" };

	/** 53 last names. */
	private static final String[] LAST_NAMES = { "Garcia", "Okafor", "Nguyen", "Schmidt", "Rossi", "Patel", "Kowalski",
			"Johansson", "Moreau", "Tanaka", "Silva", "O'Brien", "Haddad", "Novak", "Fischer", "Martin", "Mensah", "Kim",
			"Andersen", "Costa", "Murphy", "Dubois", "Hoffman", "Chen", "Lopez", "Bianchi", "Nakamura", "Walker",
			"Yilmaz", "Fernandes", "Larsen", "Khan", "Reyes", "Weber", "Santos", "Dlamini", "Horvat", "Sato", "Bennett",
			"Alvarez", "Kaur", "Jensen", "Romano", "Park", "Hughes", "Mwangi", "Vasquez", "Lindqvist", "Ahmed",
			"Brennan", "Petrov", "Moreno", "Clarke" };

	/** 20 subjects at 6 levels: 120 courses. */
	private static final String[] SUBJECTS = { "Algebra", "Biology", "Chemistry", "Drawing", "Economics", "French",
			"Geography", "History", "Computer Science", "Latin", "Music", "Physics", "Literature", "Spanish",
			"Statistics", "Philosophy", "Geometry", "Astronomy", "Drama", "Civics" };

	private static final String[] COURSE_LEVELS = { "101", "102", "201", "202", "301", "302" };

	private static final String[] CITIES = { "Springfield", "Riverton", "Ashland", "Brighton", "Clayton", "Newport",
			"Fairmont", "Georgetown", "Hamilton", "Kingston", "Lancaster", "Milford", "Dover", "Preston", "Quincy",
			"Rockport", "Salem", "Trenton", "Union City", "Vernon", "Weston", "Easton", "Irvington", "Jamestown",
			"Oakland" };

	private static final String[] STREETS = { "Oak Street", "Maple Avenue", "Church Road", "Mill Lane", "High Street",
			"Park Avenue", "Station Road", "Elm Street", "Victoria Road", "Bridge Street", "Chestnut Drive",
			"Orchard Way", "Hill Road", "Lake Street", "Cedar Lane", "Market Street", "King Street", "Meadow Close",
			"School Lane", "Spring Gardens" };

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
		// each lambda gets the row's number from 0; ids start at 1
		insert("insert into district (id, name) values (?, ?)", DISTRICTS.length,
				(n) -> new Object[] { n + 1, DISTRICTS[n] });
		insert("insert into school (id, name, district_id) values (?, ?, ?)", 50,
				(n) -> new Object[] { n + 1, school(n), n % 10 + 1 });
		insert("insert into teacher (id, name, school_id) values (?, ?, ?)", 150,
				(n) -> new Object[] { n + 1, person(STUDENTS + n), n % 50 + 1 });
		insert("insert into course (id, title, teacher_id) values (?, ?, ?)", SUBJECTS.length * COURSE_LEVELS.length,
				(n) -> new Object[] { n + 1, SUBJECTS[n % SUBJECTS.length] + " " + COURSE_LEVELS[n / SUBJECTS.length],
						n % 150 + 1 });
		insert("insert into address (id, street, city) values (?, ?, ?)", STUDENTS,
				(n) -> new Object[] { n + 1, (n / STREETS.length + 1) + " " + STREETS[n % STREETS.length],
						CITIES[n % CITIES.length] });
		insert("insert into student (id, name, school_id, address_id) values (?, ?, ?, ?)", STUDENTS,
				(n) -> new Object[] { n + 1, person(n), n % 50 + 1, n + 1 });
		insert("insert into enrollment (student_id, course_id) values (?, ?)", STUDENTS * 3,
				(n) -> new Object[] { n / 3 + 1, (n / 3 * 7 + n % 3 * 41) % 120 + 1 });
	}

	/**
	 * The name of school {@code n}, below 50: one of the 50 places and a kind of school. The place
	 * is a start {@code n / 5} and an end that runs through all 5 for each start; the schools of a
	 * district ({@code n % 10}) get 5 different starts and 5 different ends.
	 */
	private static String school(int n) {
		String place = PLACE_STARTS[n / PLACE_ENDS.length] + PLACE_ENDS[(n + n / PLACE_ENDS.length) % PLACE_ENDS.length];
		return place + " " + SCHOOL_KINDS[n % SCHOOL_KINDS.length];
	}

	/** The name of person {@code n}: distinct for every {@code n} below 61 × 53. */
	private static String person(int n) {
		return FIRST_NAMES[n % FIRST_NAMES.length] + " " + LAST_NAMES[n % LAST_NAMES.length];
	}

	private void insert(String sql, int rows, IntFunction<Object[]> row) {
		List<Object[]> batch = new ArrayList<>(rows);
		for (int n = 0; n < rows; n++) {
			batch.add(row.apply(n));
		}
		this.jdbc.batchUpdate(sql, batch);
	}

}
