package io.github.bulklazy.sample;

import java.util.Locale;
import java.util.function.Supplier;

import io.github.bulklazy.hibernate.BulkLoading;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read of the sample in a read-only transaction of its own, with bulk-lazy as configured or
 * switched off for the transaction's session ({@link BulkLoading#off}), and measures the SQL
 * statements it ran and the time it took. The pages run their read through it once, the home page
 * runs each page's read both ways: the numbers they show are the same measurement.
 */
@Component
class MeasuredReads {

	private final TransactionTemplate readOnlyTransactions;

	/**
	 * The shared entity manager: in a transaction, the transaction's own, whose session the switch
	 * applies to. The reads' {@code @Transactional} methods join that transaction.
	 */
	@PersistenceContext
	private EntityManager entityManager;

	MeasuredReads(PlatformTransactionManager transactionManager) {
		this.readOnlyTransactions = new TransactionTemplate(transactionManager);
		this.readOnlyTransactions.setReadOnly(true);
	}

	/**
	 * Runs a read and measures it.
	 * @param bulkLazy {@code false} to switch bulk-lazy off for the read's session: plain
	 * Hibernate's lazy loading
	 * @param read what to run
	 * @return the read's result, statements and time, transaction included
	 */
	<T> Measured<T> run(boolean bulkLazy, Supplier<T> read) {
		int statementsBefore = SqlStatementCounter.count();
		long start = System.nanoTime();
		T result = this.readOnlyTransactions.execute((status) -> bulkLazy ? read.get() : readSwitchedOff(read));
		long nanos = System.nanoTime() - start;
		return new Measured<>(result, SqlStatementCounter.count() - statementsBefore, nanos);
	}

	private <T> T readSwitchedOff(Supplier<T> read) {
		try (BulkLoading.Off switchedOff = BulkLoading.off(this.entityManager)) {
			return read.get();
		}
	}

	/**
	 * A read's result and cost.
	 *
	 * @param result what the read returned
	 * @param statements the SQL statements it ran
	 * @param nanos the time it took, in nanoseconds
	 */
	public record Measured<T>(T result, int statements, long nanos) {

		/** The time in milliseconds with one decimal, {@code 12.3}. */
		public String millis() {
			return String.format(Locale.ROOT, "%.1f", this.nanos / 1e6);
		}

	}

}
