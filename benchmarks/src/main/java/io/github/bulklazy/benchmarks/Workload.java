package io.github.bulklazy.benchmarks;

import java.util.List;

import io.github.bulklazy.benchmarks.model.Account;
import io.github.bulklazy.benchmarks.model.Course;
import io.github.bulklazy.benchmarks.model.Player;
import io.github.bulklazy.benchmarks.model.School;
import io.github.bulklazy.benchmarks.model.Student;
import io.github.bulklazy.benchmarks.model.enhanced.Member;
import jakarta.persistence.EntityManager;

/**
 * What an operation reads, written the natural way (load the roots, walk the lazy associations)
 * and as a hand-written fetch join. Each returns a checksum of what it read.
 */
public enum Workload {

	/** N students, each one's school. */
	TO_ONE {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "from BenchStudent s join fetch s.school where s.id <= :n"
					: "from BenchStudent s where s.id <= :n";
			return students(entityManager, query, n).stream().mapToLong((s) -> s.getSchool().getName().length()).sum();
		}
	},

	/** N / 20 schools, each one's 20 students. */
	ONE_TO_MANY {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "select distinct sc from BenchSchool sc left join fetch sc.students where sc.id <= :n"
					: "from BenchSchool sc where sc.id <= :n";
			return upTo(entityManager, query, Math.max(1, n / 20), School.class).stream()
				.flatMap((school) -> school.getStudents().stream())
				.mapToLong((student) -> student.getName().length())
				.sum();
		}
	},

	/** N students, each one's 3 courses. */
	MANY_TO_MANY {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "select distinct s from BenchStudent s left join fetch s.courses where s.id <= :n"
					: "from BenchStudent s where s.id <= :n";
			return students(entityManager, query, n).stream()
				.flatMap((student) -> student.getCourses().stream())
				.mapToLong((course) -> course.getTitle().length())
				.sum();
		}
	},

	/** N students: school, its district; courses, their teachers. */
	DEPTH_3 {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "select distinct s from BenchStudent s join fetch s.school sc join fetch sc.district "
					+ "left join fetch s.courses c left join fetch c.teacher where s.id <= :n"
					: "from BenchStudent s where s.id <= :n";
			long checksum = 0;
			for (Student student : students(entityManager, query, n)) {
				checksum += student.getSchool().getDistrict().getName().length();
				for (Course course : student.getCourses()) {
					checksum += course.getTeacher().getName().length();
				}
			}
			return checksum;
		}
	},

	/** N students, one of them changed and flushed, then each one's school. */
	AFTER_FLUSH {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "from BenchStudent s join fetch s.school where s.id <= :n"
					: "from BenchStudent s where s.id <= :n";
			List<Student> students = students(entityManager, query, n);
			students.get(0).setName(students.get(0).getName() + "'");
			entityManager.flush();
			return students.stream().mapToLong((s) -> s.getSchool().getName().length()).sum();
		}
	},

	/** N players, each one's team: an EAGER to-one, which Hibernate loads after the query. */
	EAGER_TO_ONE {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "from BenchPlayer p join fetch p.team where p.id <= :n"
					: "from BenchPlayer p where p.id <= :n";
			return upTo(entityManager, query, n, Player.class).stream()
				.mapToLong((player) -> player.getTeam().getName().length())
				.sum();
		}
	},

	/**
	 * N accounts, each one's settings: the inverse side of a one-to-one, which Hibernate loads by
	 * unique key while it reads the query's rows.
	 */
	INVERSE_ONE_TO_ONE {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "from BenchAccount a left join fetch a.settings where a.id <= :n"
					: "from BenchAccount a where a.id <= :n";
			return upTo(entityManager, query, n, Account.class).stream()
				.mapToLong((account) -> (account.getSettings() != null) ? account.getSettings().getTheme().length() : 0)
				.sum();
		}
	},

	/** N members, each one's club: bytecode-enhanced entities, the clubs their own proxies. */
	ENHANCED_TO_ONE {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			String query = handWritten ? "from BenchMember m join fetch m.club where m.id <= :n"
					: "from BenchMember m where m.id <= :n";
			return upTo(entityManager, query, n, Member.class).stream()
				.mapToLong((member) -> member.getClub().getName().length())
				.sum();
		}
	},

	/**
	 * A session that holds all 10,000 students, N of them from a second query, and reads the
	 * schools and courses of those N only.
	 */
	FEW_OF_MANY {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			long checksum = students(entityManager, "from BenchStudent s where s.id > :n", n).size();
			String query = handWritten ? "select distinct s from BenchStudent s join fetch s.school "
					+ "left join fetch s.courses where s.id <= :n" : "from BenchStudent s where s.id <= :n";
			for (Student student : students(entityManager, query, n)) {
				checksum += student.getSchool().getName().length();
				for (Course course : student.getCourses()) {
					checksum += course.getTitle().length();
				}
			}
			return checksum;
		}
	},

	/** N students with their schools fetched by the query: nothing is left to load lazily. */
	PRELOADED {
		@Override
		long run(EntityManager entityManager, int n, boolean handWritten) {
			return TO_ONE.run(entityManager, n, true);
		}
	};

	abstract long run(EntityManager entityManager, int n, boolean handWritten);

	private static List<Student> students(EntityManager entityManager, String query, int n) {
		return upTo(entityManager, query, n, Student.class);
	}

	/** The result of a query with the parameter {@code n}. */
	private static <T> List<T> upTo(EntityManager entityManager, String query, int n, Class<T> type) {
		return entityManager.createQuery(query, type).setParameter("n", (long) n).getResultList();
	}

}
