package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.hibernate.Association.Reason;
import io.github.bulklazy.model.Citation;
import io.github.bulklazy.model.Copy;
import io.github.bulklazy.model.Edition;
import io.github.bulklazy.model.EditionId;
import io.github.bulklazy.model.Ticket;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Composite keys, {@code @EmbeddedId} and {@code @IdClass}, on the target of a to-one and on the
 * owner of a collection: loaded by row-value IN lists, {@code (book, number) in ((?, ?), ...)}.
 * 20 copies, 16 with one of 4 editions, 15 on one of 4 shelves; 6 editions, 2 of them without copies;
 * 24 citations whose EAGER to-ones reach 5 editions and the 4 shelves.
 */
class CompositeKeyTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void toOnesToCompositeKeysLoadInOneStatementPerTarget(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			for (Copy copy : copies(entityManager)) {
				trace.add(copy.getId() + ":" + ((copy.getEdition() != null) ? copy.getEdition().getTitle() : "-") + "/"
						+ ((copy.getShelf() != null) ? copy.getShelf().getLabel() : "-"));
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).contains("1:Edition 1.2/Shelf 1.2", "5:-/Shelf 1.2", "7:Edition 2.1/-", "20:-/Shelf 1.1");
		assertThat(trace.get(trace.size() - 1)).as("the copies, their editions, their shelves").isEqualTo(3);
		assertThat(fixture.plain(work).statements()).isEqualTo(1 + 4 + 4);
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().startsWith("Copy.") || association.name().equals("Edition.copies"))
			.extracting(Association::mode)
			.containsOnly(Mode.BULK);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsOfCompositeKeyOwnersLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			for (Edition edition : entityManager.createQuery("from Edition e order by e.id.book, e.id.number", Edition.class)
				.getResultList()) {
				trace.add(edition.getId() + ":" + edition.getCopies().stream().map(Copy::getId).toList());
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		List<Object> trace = fixture.sameAsPlain(work);
		assertThat(trace).startsWith("1/1:[]", "1/2:[1, 6, 11, 16]").contains("3/2:[]").endsWith(2);
		assertThat(fixture.plain(work).statements()).isEqualTo(1 + 6);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesToCompositeKeysLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Edition> editions = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				editions.add(entityManager.getReference(Edition.class, new EditionId(i / 2 + 1L, i % 2 + 1)));
			}
			List<Object> trace = new ArrayList<>();
			editions.forEach((edition) -> trace.add(edition.getTitle()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).startsWith("Edition 1.1").endsWith(1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void compositeKeysShareTheChunkSizeAmongTheirColumns(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 4), Map.of())) {
			Function<EntityManager, List<Object>> work = (entityManager) -> {
				List<Object> trace = new ArrayList<>();
				copies(entityManager).forEach((copy) -> trace.add((copy.getEdition() != null) ? copy.getEdition().getTitle() : "-"));
				return trace;
			};
			var run = fixture.run(factory, work);
			assertThat(run.value()).isEqualTo(fixture.plain(work).value());
			assertThat(run.statements()).as("the copies, then 4 editions of 2 columns, 2 per statement").isEqualTo(1 + 2);
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerToOnesToCompositeKeysLoadInOneStatementPerAssociation(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		AssociationStatistics editions = fixture.bulkPlan().statistics(association(fixture, "Citation.edition"));
		long batches = editions.batches();
		List<Object> trace = fixture.sameAsPlain(citations(fixture));
		assertThat(trace).contains("1:Edition 1.1/Shelf 1.2", "5:Edition 3.1/-", "6:-/Shelf 2.1", "24:-/Shelf 1.1");
		assertThat(trace.get(trace.size() - 1)).as("the citations, their editions, their shelves")
			.isEqualTo(Fixture.deferred(1 + 1 + 1, 1 + 5 + 4));
		assertThat(fixture.plain(citations(fixture)).statements()).isEqualTo(1 + 5 + 4);
		assertThat(editions.batches() - batches).isEqualTo(Fixture.deferred(1, 0));
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().startsWith("Citation."))
			.extracting(Association::name, Association::kind, Association::mode, Association::reason)
			.containsExactlyInAnyOrder(
					tuple("Citation.edition", Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED, EagerToOneTests.DEFERRED_REASON),
					tuple("Citation.shelf", Kind.EAGER_TO_ONE, EagerToOneTests.DEFERRED, EagerToOneTests.DEFERRED_REASON));
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerToOnesToCompositeKeysShareTheChunkSizeAmongTheirColumns(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		try (EntityManagerFactory factory = fixture.factory(new BulkLazySettings(List.of(), List.of(), 4), Map.of())) {
			List<Object> trace = fixture.run(factory, citations(fixture)).value();
			List<Object> plain = fixture.plain(citations(fixture)).value();
			assertThat(trace.subList(0, trace.size() - 1)).isEqualTo(plain.subList(0, plain.size() - 1));
			assertThat(trace.get(trace.size() - 1))
				.as("the citations, then 5 editions and 4 shelves of 2 columns, 2 per statement")
				.isEqualTo(Fixture.deferred(1 + 3 + 2, 1 + 5 + 4));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerToOnesToTargetsWhoseIdHoldsAnAssociationStayWithHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		Function<EntityManager, List<Object>> work = (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			entityManager.createQuery("from Ticket t left join fetch t.school order by t.id", Ticket.class)
				.getResultList()
				.forEach((ticket) -> trace.add(ticket.getSeat().getLabel()));
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
		assertThat(fixture.sameAsPlain(work)).as("the tickets, then a select per seat")
			.containsExactly("Seat 2.1", "Seat 1.2", "Seat 2.3", "Seat 1.4", 1 + 4);
		assertThat(fixture.plain(work).value()).endsWith(1 + 4);
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().equals("Ticket.seat"))
			.extracting(Association::mode, Association::reason)
			.containsExactly(tuple(Mode.FALLBACK, Reason.ASSOCIATION_IN_TARGET_ID));
	}

	/** Every citation's edition and shelf, then the statements run. */
	private static Function<EntityManager, List<Object>> citations(Fixture fixture) {
		return (entityManager) -> {
			List<Object> trace = new ArrayList<>();
			for (Citation citation : entityManager.createQuery("from Citation c order by c.id", Citation.class)
				.getResultList()) {
				trace.add(citation.getId() + ":"
						+ ((citation.getEdition() != null) ? citation.getEdition().getTitle() : "-") + "/"
						+ ((citation.getShelf() != null) ? citation.getShelf().getLabel() : "-"));
			}
			trace.add(fixture.statementsSinceMark());
			return trace;
		};
	}

	private static Association association(Fixture fixture, String name) {
		return fixture.bulkPlan().associations().stream().filter((association) -> association.name().equals(name))
			.findFirst().orElseThrow();
	}

	private static List<Copy> copies(EntityManager entityManager) {
		return entityManager.createQuery("from Copy c order by c.id", Copy.class).getResultList();
	}

}
