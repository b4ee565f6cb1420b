package io.github.bulklazy.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.bulklazy.enhanced.Academy;
import io.github.bulklazy.enhanced.Pupil;
import io.github.bulklazy.model.Address;
import io.github.bulklazy.model.Animal;
import io.github.bulklazy.model.Badge;
import io.github.bulklazy.model.BadgePhoto;
import io.github.bulklazy.model.Bike;
import io.github.bulklazy.model.Box;
import io.github.bulklazy.model.Car;
import io.github.bulklazy.model.Card;
import io.github.bulklazy.model.Cat;
import io.github.bulklazy.model.Citation;
import io.github.bulklazy.model.City;
import io.github.bulklazy.model.Copy;
import io.github.bulklazy.model.Country;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.District;
import io.github.bulklazy.model.Dog;
import io.github.bulklazy.model.Edition;
import io.github.bulklazy.model.EditionId;
import io.github.bulklazy.model.Guild;
import io.github.bulklazy.model.Guildsman;
import io.github.bulklazy.model.League;
import io.github.bulklazy.model.Member;
import io.github.bulklazy.model.Membership;
import io.github.bulklazy.model.PetOwner;
import io.github.bulklazy.model.Player;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Seat;
import io.github.bulklazy.model.Shelter;
import io.github.bulklazy.model.Shelf;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.model.Teacher;
import io.github.bulklazy.model.Team;
import io.github.bulklazy.model.Thing;
import io.github.bulklazy.model.Ticket;
import io.github.bulklazy.model.TicketStub;
import io.github.bulklazy.model.User;
import io.github.bulklazy.model.UserInfo;
import io.github.bulklazy.model.Visit;
import io.github.bulklazy.model.Wallet;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The data of the test model, seeded once per database: districts, schools, teachers, courses and
 * students, and the entities of every other mapping the tests read.
 */
public final class TestData {

	/** Players seeded, see {@code seedPlayers}. */
	public static final int PLAYERS = 40;

	/** Citations seeded, see {@code seedCopies}. */
	public static final int CITATIONS = 24;

	/** Guilds seeded, see {@code seedGuilds}. */
	public static final int GUILDS = 30;

	/** Pupils seeded, see {@code seedPupils}. */
	public static final int PUPILS = 30;

	/** Items and boxes seeded for the cost test. */
	public static final int ITEMS = 20_000;

	private TestData() {
	}

	/** Seeds the data through a factory of the test model, and the boxes and items through plain JDBC. */
	static void seed(EntityManagerFactory factory, DataSource dataSource) {
		inTransaction(factory, (entityManager) -> {
			District[] districts = new District[5];
			for (long i = 1; i <= 4; i++) {
				districts[(int) i] = persist(entityManager, new District(i, "District " + i));
			}
			School[] schools = new School[13];
			for (long i = 1; i <= 12; i++) {
				schools[(int) i] = persist(entityManager, new School(i, "School " + i, districts[(int) ((i - 1) % 4) + 1]));
			}
			Teacher[] teachers = new Teacher[7];
			for (long i = 1; i <= 6; i++) {
				teachers[(int) i] = persist(entityManager, new Teacher(i, "Teacher " + i, schools[(int) (i * 2)]));
			}
			Course[] courses = new Course[11];
			for (long i = 1; i <= 10; i++) {
				courses[(int) i] = persist(entityManager,
						new Course(i, "Course " + (char) ('A' + i), teachers[(int) ((i - 1) % 6) + 1], i == 10));
			}
			for (long i = 1; i <= 60; i++) {
				// school 12 keeps no student
				Student student = new Student(i, "Student " + i, schools[(int) ((i - 1) % 11) + 1]);
				for (long offset : new long[] { 0, 3, 6 }) {
					student.getCourses().add(courses[(int) ((i + offset) % 10) + 1]);
				}
				for (int n = 0; n < i % 3; n++) {
					student.getNicknames().add("nick " + i + "." + (char) ('z' - n));
				}
				persist(entityManager, student);
			}
			seedUsers(entityManager);
			Dog rex = persist(entityManager, new Dog(1L, "Rex"));
			Cat tom = persist(entityManager, new Cat(2L, "Tom"));
			Dog fido = persist(entityManager, new Dog(3L, "Fido"));
			Cat kitty = persist(entityManager, new Cat(4L, "Kitty"));
			persist(entityManager, new PetOwner(1L, tom, rex, schools[1]));
			persist(entityManager, new PetOwner(2L, fido, fido, schools[2]));
			persist(entityManager, new PetOwner(3L, kitty, null, schools[3]));
			persist(entityManager, new PetOwner(4L, rex, null, schools[4]));
			// the shelters' owners hold Rex typed to Dog (owner 1) and to Animal (owner 4)
			persist(entityManager, new Shelter(1L, List.of(entityManager.find(PetOwner.class, 4L))));
			persist(entityManager, new Shelter(2L, List.of(entityManager.find(PetOwner.class, 1L))));
			seedPlayers(entityManager, schools, new Animal[] { rex, tom, fido, kitty });
			seedCopies(entityManager);
			seedMembers(entityManager, districts, schools, courses, new Animal[] { rex, tom, fido, kitty });
			seedPupils(entityManager);
			seedBadges(entityManager);
			seedGuilds(entityManager);
			seedTickets(entityManager, schools);
			seedCards(entityManager);
			Country[] countries = new Country[4];
			for (long i = 1; i <= 3; i++) {
				countries[(int) i] = persist(entityManager, new Country(i, "Country " + i));
			}
			for (long i = 1; i <= 6; i++) {
				persist(entityManager, new City(i, "City " + i, countries[(int) ((i - 1) % 3) + 1]));
			}
			persist(entityManager, new Bike(1L, "Bike 1"));
			persist(entityManager, new Car(2L, "Car 2", entityManager.getReference(City.class, 1L)));
			persist(entityManager, new Car(3L, "Car 3", null));
			persist(entityManager, new Bike(4L, "Bike 4"));
			Team[] teams = new Team[6];
			for (long i = 1; i <= 5; i++) {
				teams[(int) i] = new Team(i, "Team " + i);
				for (int n = 0; n < i % 3; n++) {
					teams[(int) i].getMembers().add("member " + i + "." + n);
				}
				persist(entityManager, teams[(int) i]);
			}
			int[][] teamsByLeague = { { 1, 2 }, { 2, 3, 4 }, {} };
			for (int i = 0; i < teamsByLeague.length; i++) {
				League league = persist(entityManager, new League(i + 1L));
				for (int team : teamsByLeague[i]) {
					league.getTeams().add(teams[team]);
				}
			}
		});
		seedBoxesAndItems(dataSource);
	}

	/**
	 * 40 players: every seventh without a school, the others in schools 1 to 9; every fifth
	 * without a mascot; former schools 1 to 12, with every third missing from its table (ids above
	 * 100) and every fourth none; courses 1 to 10 (the tenth archived, hidden by
	 * {@code @SQLRestriction}), every eleventh none.
	 */
	private static void seedPlayers(EntityManager entityManager, School[] schools, Animal[] mascots) {
		for (long i = 1; i <= PLAYERS; i++) {
			persist(entityManager, new Player(i, "Player " + i, (i % 7 == 0) ? null : schools[(int) (i % 9) + 1],
					(i % 5 == 0) ? null : mascots[(int) (i % 4)]));
		}
		entityManager.flush();
		entityManager.createNativeQuery("update bl_player set former_school_id = case when mod(id, 4) = 0 then null "
				+ "when mod(id, 3) = 0 then 100 + id else mod(id, 12) + 1 end, "
				+ "course_id = case when mod(id, 11) = 0 then null else mod(id, 11) end").executeUpdate();
	}

	/** 6 badges; the photos of badges 1, 2, 4 and 5 (badges 3 and 6 have none). */
	private static void seedBadges(EntityManager entityManager) {
		for (long i = 1; i <= 6; i++) {
			persist(entityManager, new Badge(i, "Holder " + i));
			if (i % 3 != 0) {
				persist(entityManager, new BadgePhoto(i, "Photo " + i));
			}
		}
	}

	/** 30 guilds of 1 or 2 members each (guilds of an even id have 2). */
	private static void seedGuilds(EntityManager entityManager) {
		for (long i = 1; i <= GUILDS; i++) {
			Guild guild = persist(entityManager, new Guild(i));
			for (long n = 1; n <= 1 + (i + 1) % 2; n++) {
				persist(entityManager, new Guildsman(i * 10 + n, "Guildsman " + i + "." + n, guild));
			}
		}
	}

	/**
	 * 4 tickets, each with a stub, for schools 1 to 4, each on a seat of its own, of guilds 1 and 2.
	 */
	private static void seedTickets(EntityManager entityManager, School[] schools) {
		for (long i = 1; i <= 4; i++) {
			Seat seat = persist(entityManager, new Seat(entityManager.find(Guild.class, 1 + i % 2), (int) i));
			persist(entityManager, new Ticket(i, schools[(int) i], persist(entityManager, new TicketStub(i)), seat));
		}
	}

	/** 5 wallets, the first 4 with a card of 0 to 3 stamps and 2 notes each. */
	private static void seedCards(EntityManager entityManager) {
		for (long i = 1; i <= 5; i++) {
			Wallet wallet = persist(entityManager, new Wallet(i));
			if (i <= 4) {
				Card card = new Card(i, wallet);
				for (int n = 0; n < i - 1; n++) {
					card.getStamps().add("stamp " + i + "." + n);
				}
				card.getNotes().addAll(List.of("note " + i + ".a", "note " + i + ".b"));
				persist(entityManager, card);
			}
		}
	}

	/**
	 * 9 academies and 30 pupils of the enhanced model: every seventh pupil in no academy, the others
	 * in academies 1 to 6; every fourth without a former academy, the others from academies 1 to 8.
	 */
	private static void seedPupils(EntityManager entityManager) {
		Academy[] academies = new Academy[10];
		for (long i = 1; i <= 9; i++) {
			academies[(int) i] = persist(entityManager, new Academy(i, "Academy " + i));
		}
		for (long i = 1; i <= PUPILS; i++) {
			persist(entityManager, new Pupil(i, "Pupil " + i, (i % 7 == 0) ? null : academies[(int) (i % 6) + 1],
					(i % 4 == 0) ? null : academies[(int) (i % 8) + 1]));
		}
	}

	/**
	 * 6 editions (books 1 to 3, numbers 1 and 2), 4 shelves (rooms 1 and 2, positions 1 and 2) and
	 * 20 copies: every fifth without an edition, the others in the editions 2 to 5 (editions 1 and 6
	 * keep none); every seventh without a shelf. 24 citations: every sixth without an edition, the
	 * others in editions 1 to 5; every fifth without a shelf, the others on the 4 shelves.
	 */
	private static void seedCopies(EntityManager entityManager) {
		Edition[] editions = new Edition[6];
		for (int i = 0; i < 6; i++) {
			editions[i] = persist(entityManager,
					new Edition(new EditionId(i / 2 + 1L, i % 2 + 1), "Edition " + (i / 2 + 1) + "." + (i % 2 + 1)));
		}
		Shelf[] shelves = new Shelf[4];
		for (int i = 0; i < 4; i++) {
			shelves[i] = persist(entityManager, new Shelf(i / 2 + 1, i % 2 + 1));
		}
		for (long i = 1; i <= 20; i++) {
			persist(entityManager, new Copy(i, (i % 5 == 0) ? null : editions[(int) (i % 5)],
					(i % 7 == 0) ? null : shelves[(int) (i % 4)]));
		}
		for (long i = 1; i <= CITATIONS; i++) {
			persist(entityManager, new Citation(i, (i % 6 == 0) ? null : editions[(int) (i % 6) - 1],
					(i % 5 == 0) ? null : shelves[(int) (i % 4)]));
		}
	}

	/**
	 * 10 members: every fifth without a school, the others in schools 2 to 5; every third without a
	 * pet; two courses each, but the seventh none; 0, 1 or 2 visits (by id modulo 3), to districts
	 * 1 to 4 or, for a visit whose id and position add up to a multiple of 5, to none.
	 */
	private static void seedMembers(EntityManager entityManager, District[] districts, School[] schools,
			Course[] courses, Animal[] pets) {
		for (long i = 1; i <= 10; i++) {
			Membership membership = new Membership(2000 + (int) i, (i % 5 == 0) ? null : schools[(int) (i % 4) + 2],
					(i % 3 == 0) ? null : pets[(int) (i % 4)]);
			if (i != 7) {
				membership.getCourses().add(courses[(int) (i % 10) + 1]);
				membership.getCourses().add(courses[(int) ((i + 3) % 10) + 1]);
			}
			Member member = new Member(i, membership);
			for (int n = 0; n < i % 3; n++) {
				member.getVisits()
					.add(new Visit("visit " + i + "." + n, ((i + n) % 5 == 0) ? null : districts[(int) ((i + n) % 4) + 1]));
			}
			persist(entityManager, member);
		}
	}

	private static void seedUsers(EntityManager entityManager) {
		UserInfo info1 = persist(entityManager, new UserInfo(1L, "info 1"));
		UserInfo info2 = persist(entityManager, new UserInfo(2L, "info 2"));
		UserInfo info3 = persist(entityManager, new UserInfo(3L, "info 3"));
		User user7 = persist(entityManager, new User(7L, "jack", null, info1));
		User user8 = persist(entityManager, new User(8L, "ed", user7, info2));
		User user9 = persist(entityManager, new User(9L, "fred", user7, null));
		persist(entityManager, new User(10L, "chuck", user8, info3));
		persist(entityManager, new Address(1L, "jack@bean.com", user7));
		persist(entityManager, new Address(2L, "ed@wood.com", user8));
		persist(entityManager, new Address(3L, "ed@bettyboop.com", user8));
		persist(entityManager, new Address(4L, "ed@lala.com", user8));
		persist(entityManager, new Address(5L, "fred@fred.com", user9));
		persist(entityManager, new Thing(1L, "dog"));
		persist(entityManager, new Thing(2L, "lamp"));
		persist(entityManager, new Thing(3L, "chair"));
		entityManager.flush();
		entityManager.createNativeQuery("insert into bl_user_to_thing (user_id, thing_id) values "
				+ "(7, 1), (8, 1), (8, 1), (10, 2), (9, 2), (10, 3)").executeUpdate();
	}

	private static void seedBoxesAndItems(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			insert(connection, "insert into bl_box (id, label) values (?, ?)", true);
			insert(connection, "insert into bl_item (id, box_id) values (?, ?)", false);
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void insert(Connection connection, String sql, boolean label) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (long i = 1; i <= ITEMS; i++) {
				statement.setLong(1, i);
				if (label) {
					statement.setString(2, "Box " + i);
				}
				else {
					statement.setLong(2, i);
				}
				statement.addBatch();
				if (i % 1000 == 0) {
					statement.executeBatch();
				}
			}
		}
	}

	private static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> work) {
		EntityManager entityManager = factory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			work.accept(entityManager);
			entityManager.getTransaction().commit();
		}
		finally {
			entityManager.close();
		}
	}

	private static <T> T persist(EntityManager entityManager, T entity) {
		entityManager.persist(entity);
		return entity;
	}

}
