package io.github.bulklazy.hibernate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
import io.github.bulklazy.testsupport.Observed;
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

	/** Every citation's edition and shelf, then the statements run. */
	private static final BiConsumer<EntityManager, Observed> CITATIONS = (entityManager, observed) -> {
		for (Citation citation : entityManager.createQuery("from Citation c order by c.id", Citation.class)
			.getResultList()) {
			observed.value(citation.getId() + ":"
					+ ((citation.getEdition() != null) ? citation.getEdition().getTitle() : "-") + "/"
					+ ((citation.getShelf() != null) ? citation.getShelf().getLabel() : "-"));
		}
		observed.countStatements();
	};

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void toOnesToCompositeKeysLoadInOneStatementPerTarget(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Copy copy : copies(entityManager)) {
				observed.value(copy.getId() + ":" + ((copy.getEdition() != null) ? copy.getEdition().getTitle() : "-")
						+ "/" + ((copy.getShelf() != null) ? copy.getShelf().getLabel() : "-"));
			}
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("1:Edition 1.2/Shelf 1.2", "5:-/Shelf 1.2", "7:Edition 2.1/-",
				"20:-/Shelf 1.1");
		assertThat(observed.statements()).as("the copies, their editions, their shelves").containsExactly(3);
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 4 + 4);
		assertThat(fixture.bulkPlan().associations())
			.filteredOn((association) -> association.name().startsWith("Copy.") || association.name().equals("Edition.copies"))
			.extracting(Association::mode)
			.containsOnly(Mode.BULK);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionsOfCompositeKeyOwnersLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Edition edition : entityManager.createQuery("from Edition e order by e.id.book, e.id.number", Edition.class)
				.getResultList()) {
				observed.value(edition.getId() + ":" + edition.getCopies().stream().map(Copy::getId).toList());
			}
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith("1/1:[]", "1/2:[1, 6, 11, 16]").contains("3/2:[]");
		assertThat(observed.statements()).as("the editions, then their copies").containsExactly(2);
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 6);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void referencesToCompositeKeysLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			List<Edition> editions = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				editions.add(entityManager.getReference(Edition.class, new EditionId(i / 2 + 1L, i % 2 + 1)));
			}
			editions.forEach((edition) -> observed.value(edition.getTitle()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith("Edition 1.1");
		assertThat(observed.statements()).as("the 6 editions in one statement").containsExactly(1);
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
		Observed observed = fixture.sameAsPlain(CITATIONS);
		assertThat(observed.values()).contains("1:Edition 1.1/Shelf 1.2", "5:Edition 3.1/-", "6:-/Shelf 2.1",
				"24:-/Shelf 1.1");
		assertThat(observed.statements()).as("the citations, their editions, their shelves")
			.containsExactly(Fixture.deferred(1 + 1 + 1, 1 + 5 + 4));
		assertThat(fixture.plain(CITATIONS).statements()).containsExactly(1 + 5 + 4);
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
			Observed observed = fixture.run(factory, CITATIONS);
			assertThat(observed.values()).isEqualTo(fixture.plain(CITATIONS).values());
			assertThat(observed.statements())
				.as("the citations, then 5 editions and 4 shelves of 2 columns, 2 per statement")
				.containsExactly(Fixture.deferred(1 + 3 + 2, 1 + 5 + 4));
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void eagerToOnesToTargetsWhoseIdHoldsAnAssociationStayWithHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			entityManager.createQuery("from Ticket t left join fetch t.school order by t.id", Ticket.class)
				.getResultList()
				.forEach((ticket) -> observed.value(ticket.getSeat().getLabel()));
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).containsExactly("Seat 2.1", "Seat 1.2", "Seat 2.3", "Seat 1.4");
		assertThat(observed.statements()).as("the tickets, then a select per seat").containsExactly(1 + 4);
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 4);
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().equals("Ticket.seat"))
			.extracting(Association::mode, Association::reason)
			.containsExactly(tuple(Mode.FALLBACK, Reason.ASSOCIATION_IN_TARGET_ID));
	}

	private static Association association(Fixture fixture, String name) {
		return fixture.bulkPlan().associations().stream().filter((association) -> association.name().equals(name))
			.findFirst().orElseThrow();
	}

	private static List<Copy> copies(EntityManager entityManager) {
		return entityManager.createQuery("from Copy c order by c.id", Copy.class).getResultList();
	}

}
