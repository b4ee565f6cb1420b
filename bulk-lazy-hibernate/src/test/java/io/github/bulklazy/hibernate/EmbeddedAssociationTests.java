package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.District;
import io.github.bulklazy.model.Member;
import io.github.bulklazy.model.Membership;
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
 * Associations declared inside an embeddable ({@code Member.membership}): a lazy to-one and a
 * many-to-many, bulk-loaded, and an EAGER to-one, left to Hibernate like every EAGER to-one; and
 * a lazy to-one inside the elements of a collection ({@code Member.visits}). 10 members in 4
 * schools, with 4 pets and 2 courses each, and 11 visits to 4 districts.
 */
class EmbeddedAssociationTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void lazyToOneInsideAnEmbeddableLoadsInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Member member : members(entityManager)) {
				Membership membership = member.getMembership();
				observed.value((membership.getSchool() != null) ? membership.getSchool().getName() : "-");
			}
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith("School 3", "School 4", "School 5", "School 2", "-");
		assertThat(observed.statements()).as("the members, their 4 pets one by one, their schools")
			.containsExactly(1 + 4 + 1);
		assertThat(fixture.plain(work).statements()).as("the members, their pets, 4 schools")
			.containsExactly(1 + 4 + 4);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void collectionInsideAnEmbeddableLoadsInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Member member : members(entityManager)) {
				observed.value(member.getMembership().getCourses().stream().map(Course::getTitle).toList());
			}
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values().get(6)).as("the seventh member has no course").isEqualTo(List.of());
		assertThat(observed.statements()).as("the members, their 4 pets, their courses").containsExactly(1 + 4 + 1);
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 4 + 10);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void toOnesInsideTheElementsOfACollectionLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Member member : members(entityManager)) {
				member.getVisits().forEach((visit) -> observed.value(visit.getPurpose() + ":" + name(visit.getDistrict())));
			}
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).startsWith("visit 1.0:District 2", "visit 2.0:District 3")
			.contains("visit 5.0:-", "visit 8.1:District 2");
		assertThat(observed.statements()).as("the members, their 4 pets, their visits, the visits' districts")
			.containsExactly(1 + 4 + 1 + 1);
		assertThat(fixture.plain(work).statements()).as("the members, their pets, 10 visit lists, 4 districts")
			.containsExactly(1 + 4 + 10 + 4);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void toOnesInsideElementsFetchedWithTheirOwnersLoadInOneStatement(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			for (Member member : entityManager
				.createQuery("select distinct m from Member m left join fetch m.visits order by m.id", Member.class)
				.getResultList()) {
				member.getVisits().forEach((visit) -> observed.value(visit.getPurpose() + ":" + name(visit.getDistrict())));
			}
			observed.countStatements();
		};
		Observed observed = fixture.sameAsPlain(work);
		assertThat(observed.values()).contains("visit 1.0:District 2", "visit 5.0:-");
		assertThat(observed.statements()).as("the members with their visits, their 4 pets, the visits' districts")
			.containsExactly(1 + 4 + 1);
		assertThat(fixture.plain(work).statements()).containsExactly(1 + 4 + 4);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void embeddedAssociationsAreNamedByTheirPath(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		assertThat(fixture.bulkPlan().associations()).filteredOn((association) -> association.name().startsWith("Member."))
			.extracting(Association::name, Association::kind, Association::mode)
			.containsExactlyInAnyOrder(tuple("Member.membership.school", Kind.TO_ONE, Mode.BULK),
					tuple("Member.membership.courses", Kind.COLLECTION, Mode.BULK),
					tuple("Member.membership.pet", Kind.EAGER_TO_ONE, Mode.FALLBACK),
					tuple("Member.visits", Kind.COLLECTION, Mode.BULK),
					tuple("Member.visits.district", Kind.TO_ONE, Mode.BULK));
		BulkLazyPlans plans = new BulkLazyPlans();
		try (EntityManagerFactory factory = fixture.factory(
				new BulkLazySettings(List.of(), List.of("Member.membership.school", "Member.visits"), null), plans,
				Map.of())) {
			assertThat(plans.all().get(0).associations())
				.filteredOn((association) -> association.name().startsWith("Member.visits"))
				.extracting(Association::name, Association::mode)
				.as("the to-ones inside the elements of a collection left to Hibernate are left to it too")
				.containsExactlyInAnyOrder(tuple("Member.visits", Mode.EXCLUDED),
						tuple("Member.visits.district", Mode.EXCLUDED));
			var run = fixture.run(factory, (entityManager) -> {
				members(entityManager).forEach((member) -> {
					if (member.getMembership().getSchool() != null) {
						member.getMembership().getSchool().getName();
					}
				});
				return null;
			});
			assertThat(run.statements()).as("the members, their 4 pets, 4 schools one by one").isEqualTo(1 + 4 + 4);
		}
	}

	private static String name(District district) {
		return (district != null) ? district.getName() : "-";
	}

	private static List<Member> members(EntityManager entityManager) {
		return entityManager.createQuery("from Member m order by m.id", Member.class).getResultList();
	}

}
