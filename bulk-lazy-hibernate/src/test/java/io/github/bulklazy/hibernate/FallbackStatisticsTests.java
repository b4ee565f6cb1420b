package io.github.bulklazy.hibernate;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.bulklazy.model.Guild;
import io.github.bulklazy.model.Guildsman;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Observed;
import io.github.bulklazy.testsupport.TestData;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallbacks of an association count the loads Hibernate ran with a statement for one key:
 * not those its second-level cache served, nor those its batch fetching ran with other keys. The
 * 30 guilds, their members and their collections are kept in the second-level cache; a filtered
 * collection the cache holds loads as in plain Hibernate, which disregards the cache under a filter.
 */
class FallbackStatisticsTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void loadsOfAnExcludedCollectionCountUntilTheCacheServesThem(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		AssociationStatistics members = statistics(fixture, "Guild.members");
		evictGuilds(fixture);
		long fallbacks = members.fallbacks();
		Observed observed = fixture.sameAsPlain(guilds(Guild::getMembers));
		assertThat(observed.values()).contains(List.of("Guildsman 2.1", "Guildsman 2.2"));
		assertThat(observed.statements()).as("the guilds, then each one's members")
			.containsExactly(1 + TestData.GUILDS);
		assertThat(members.fallbacks() - fallbacks).isEqualTo(TestData.GUILDS);
		assertThat(fixture.sameAsPlain(guilds(Guild::getMembers)).statements())
			.as("the guilds; the cache serves the rest")
			.containsExactly(1);
		assertThat(members.fallbacks() - fallbacks).as("nothing more reached the database").isEqualTo(TestData.GUILDS);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void hibernatesBatchesOfSeveralKeysAreNoFallbacks(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		AssociationStatistics batched = statistics(fixture, "Guild.membersInBatches");
		evictGuilds(fixture);
		long fallbacks = batched.fallbacks();
		assertThat(fixture.sameAsPlain(guilds(Guild::getMembersInBatches)).statements())
			.as("the guilds, then their members in batches of 10")
			.containsExactly(1 + 3);
		assertThat(fixture.sameAsPlain(guilds(Guild::getMembersInBatches)).statements()).containsExactly(1);
		assertThat(batched.fallbacks()).isEqualTo(fallbacks);
		evictGuilds(fixture);
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			names(entityManager.find(Guild.class, 2L).getMembersInBatches()).forEach(observed::value);
			observed.countStatements();
		};
		assertThat(fixture.sameAsPlain(work).statements()).as("a batch of one key is a load one at a time")
			.containsExactly(1 + 1);
		assertThat(batched.fallbacks() - fallbacks).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void aFilteredCollectionTheCacheHoldsLoadsAsInPlainHibernate(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		evictGuilds(fixture);
		fixture.sameAsPlain(guilds(Guild::getFilteredMembers));
		BiConsumer<EntityManager, Observed> work = (entityManager, observed) -> {
			// the filter makes Hibernate load the collections it holds in the second-level cache
			entityManager.unwrap(Session.class).enableFilter(Guild.NOT_NAMED).setParameter("name", "Guildsman 2.1");
			guilds(Guild::getFilteredMembers).accept(entityManager, observed);
		};
		assertThat(fixture.sameAsPlain(work).values()).startsWith(List.of("Guildsman 1.1"), List.of("Guildsman 2.2"),
				List.of("Guildsman 3.1"), List.of("Guildsman 4.1", "Guildsman 4.2"));
	}

	private static BiConsumer<EntityManager, Observed> guilds(Function<Guild, List<Guildsman>> collection) {
		return (entityManager, observed) -> {
			entityManager.createQuery("from Guild g order by g.id", Guild.class)
				.getResultList()
				.forEach((guild) -> observed.value(names(collection.apply(guild))));
			observed.countStatements();
		};
	}

	private static List<String> names(List<Guildsman> members) {
		return members.stream().map(Guildsman::getName).toList();
	}

	private static void evictGuilds(Fixture fixture) {
		for (var factory : List.of(fixture.bulkFactory(), fixture.plainFactory())) {
			factory.getCache().evict(Guild.class);
			factory.getCache().evict(Guildsman.class);
			factory.unwrap(org.hibernate.SessionFactory.class).getCache().evictCollectionData();
		}
	}

	private static AssociationStatistics statistics(Fixture fixture, String name) {
		return fixture.bulkPlan().statistics(fixture.bulkPlan().associations().stream()
			.filter((association) -> association.name().equals(name)).findFirst().orElseThrow());
	}

}
