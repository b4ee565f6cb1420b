package io.github.bulklazy.hibernate;

import java.util.List;

import io.github.bulklazy.model.Item;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.Run;
import io.github.bulklazy.testsupport.TestData;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work stays proportional to the peers loaded: 20,000 proxies take one statement per chunk, and
 * the printed times at 5,000, 10,000 and 20,000 proxies grow about linearly (not asserted: times
 * are shown by numbers, not by timed tests).
 */
class CostTests {

	@ParameterizedTest
	@EnumSource(TestDatabase.class)
	void twentyThousandProxiesTakeOneStatementPerChunk(TestDatabase database) {
		Fixture fixture = Fixture.on(database);
		int chunkSize = fixture.bulkPlan().chunkSize();
		traverse(fixture, 1_000);
		StringBuilder report = new StringBuilder("bulk-lazy cost on " + database + " (chunk size " + chunkSize + "):");
		for (int proxies : new int[] { 5_000, 10_000, TestData.ITEMS }) {
			Run<Long> run = traverse(fixture, proxies);
			assertThat(run.statements()).isEqualTo(1 + (proxies + chunkSize - 1) / chunkSize);
			report.append(String.format(" %,d proxies in %d statements, %.1f ms;", proxies, run.statements(),
					run.value() / 1e6));
		}
		System.out.println(report);
	}

	/** Loads the first items and reads every box; returns the nanoseconds the reads took. */
	private static Run<Long> traverse(Fixture fixture, int items) {
		return fixture.bulk((EntityManager entityManager) -> {
			List<Item> loaded = entityManager.createQuery("from Item i where i.id <= :last", Item.class)
				.setParameter("last", (long) items)
				.getResultList();
			long start = System.nanoTime();
			long labels = loaded.stream().map((item) -> item.getBox().getLabel()).distinct().count();
			long elapsed = System.nanoTime() - start;
			assertThat(labels).isEqualTo(items);
			return elapsed;
		});
	}

}
