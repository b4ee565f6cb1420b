package io.github.bulklazy.hibernate;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.bulklazy.hibernate.Association.Kind;
import io.github.bulklazy.hibernate.Association.Mode;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every association the plan reports as bulk-loaded is: a loop over all its owners that reads it
 * on each, second-level caches emptied, runs besides the query of the owners only statements
 * bulk-lazy counts as bulk statements and fetches Hibernate counts as its own (and, on Hibernate
 * 6.6, the loads by unique key it leaves to Hibernate), none of them a fetch of the association's
 * targets, and fewer statements than plain Hibernate wherever plain Hibernate runs several.
 */
class BulkClaimTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void everyAssociationPlannedAsBulkIsBulkLoaded(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		BulkLazyPlan plan = fixture.bulkPlan();
		Statistics statistics = fixture.bulkFactory().unwrap(SessionFactory.class).getStatistics();
		List<Association> claimed = plan.associations()
			.stream()
			.filter((association) -> association.mode() == Mode.BULK)
			.toList();
		assertThat(claimed).hasSizeGreaterThan(40);
		List<String> failures = new ArrayList<>();
		for (Association association : claimed) {
			long batches = totalBatches(plan);
			long own = batchesInto(association, plan);
			long fetches = fetches(statistics);
			long targetFetches = fetchesOf(association, statistics);
			Run<List<Object>> bulk = fixture.bulk(loop(association));
			long counted = totalBatches(plan) - batches;
			long hibernateFetches = fetches(statistics) - fetches;
			Run<List<Object>> plain = fixture.plain(loop(association));
			assertThat(bulk.value()).as(association.name()).isEqualTo(plain.value());
			// the statements after the query of the owners
			int bulkStatements = bulk.statements() - 1;
			int plainStatements = plain.statements() - 1;
			// Hibernate's statistics do not count its loads by unique key, which Hibernate 6.6 keeps
			boolean accounted = Fixture.DEFERS ? bulkStatements == counted + hibernateFetches
					: bulkStatements >= counted + hibernateFetches;
			boolean bulkLoaded = fetchesOf(association, statistics) == targetFetches
					&& (plainStatements < 2
							|| batchesInto(association, plan) > own && bulkStatements < plainStatements);
			if (!accounted || !bulkLoaded) {
				failures.add(association.name() + ": " + bulkStatements + " statements, " + counted
						+ " bulk statements (" + (batchesInto(association, plan) - own) + " into its targets), "
						+ hibernateFetches + " fetches of Hibernate's (" + (fetchesOf(association, statistics)
								- targetFetches) + " of its targets); plain Hibernate: " + plainStatements);
			}
		}
		assertThat(failures).isEmpty();
	}

	/** The fetches Hibernate ran itself, a statement each: entities and collections its loads reached. */
	private static long fetches(Statistics statistics) {
		return statistics.getEntityFetchCount() + statistics.getCollectionFetchCount();
	}

	/** The fetches Hibernate ran itself of what the association loads. */
	private static long fetchesOf(Association association, Statistics statistics) {
		return (association.kind() == Kind.COLLECTION)
				? statistics.getCollectionStatistics(association.role()).getFetchCount()
				: statistics.getEntityStatistics(association.targetEntity()).getFetchCount();
	}

	/**
	 * Queries every owner, or every id of a reference association, in one statement, then reads the
	 * association on each: the proxies it holds and the collections, initialized; a reference
	 * association makes a reference to every id first. Returns what it read.
	 */
	private static Function<EntityManager, List<Object>> loop(Association association) {
		return (entityManager) -> {
			entityManager.getEntityManagerFactory().getCache().evictAll();
			String owner = association.ownerEntity();
			List<Object> values = new ArrayList<>();
			if (association.kind() == Kind.REFERENCE) {
				List<?> ids = entityManager.createQuery("select e.id from " + owner + " e order by e.id").getResultList();
				List<Object> references = ids.stream()
					.map((id) -> entityManager.getReference(entityManager.getMetamodel().entity(classOf(owner)).getJavaType(), id))
					.map(Object.class::cast)
					.toList();
				references.forEach((reference) -> values.add(describe(initialized(reference), entityManager)));
				return values;
			}
			List<?> owners = entityManager.createQuery("from " + owner + " o order by o.id").getResultList();
			for (Object entity : owners) {
				values.add(read(entity, association.attribute().split("\\."), 0)
					.map((value) -> describe(value, entityManager))
					.toList());
			}
			return values;
		};
	}

	/** The values at the end of the path, each initialized; a collection on the way stands for its elements. */
	private static Stream<Object> read(Object holder, String[] path, int index) {
		Object value = initialized(field(holder, path[index]));
		if (value == null) {
			return Stream.of("-");
		}
		Stream<Object> values = (value instanceof Collection<?> collection && index < path.length - 1)
				? collection.stream().map(Object.class::cast) : Stream.of(value);
		return (index == path.length - 1) ? values
				: values.flatMap((item) -> (item == null) ? Stream.of("-") : read(item, path, index + 1));
	}

	private static Object initialized(Object value) {
		Hibernate.initialize(value);
		return (value instanceof Map<?, ?> map) ? map.values() : value;
	}

	/** An entity by its class and id, a collection by its size, anything else as it is. */
	private static Object describe(Object value, EntityManager entityManager) {
		if (value instanceof Collection<?> collection) {
			return collection.size();
		}
		return (value == null || value instanceof String) ? value : Hibernate.getClass(value).getSimpleName() + "#"
				+ entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(value);
	}

	private static Object field(Object holder, String name) {
		Object target = Hibernate.unproxy(holder);
		for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return field.get(target);
			}
			catch (NoSuchFieldException ex) {
				// declared further up
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalArgumentException("No field " + name + " in " + target.getClass());
	}

	private static Class<?> classOf(String entityName) {
		try {
			return Class.forName(entityName);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * The bulk statements of the association, and for a to-one those of every association into
	 * the same entity: a proxy two to-ones hold is recorded by the first that reaches it.
	 */
	private static long batchesInto(Association association, BulkLazyPlan plan) {
		return plan.associations()
			.stream()
			.filter((other) -> other.equals(association) || association.kind() != Kind.COLLECTION
					&& other.kind() != Kind.COLLECTION && other.targetEntity().equals(association.targetEntity()))
			.mapToLong((other) -> plan.statistics(other).batches())
			.sum();
	}

	private static long totalBatches(BulkLazyPlan plan) {
		return plan.associations().stream().mapToLong((association) -> plan.statistics(association).batches()).sum();
	}

}
