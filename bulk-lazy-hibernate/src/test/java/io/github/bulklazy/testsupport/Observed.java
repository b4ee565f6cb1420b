package io.github.bulklazy.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a work observed as it ran: the values it read, which plain Hibernate must read too, and
 * the statements its steps executed, which may differ. A step ends with
 * {@link #countStatements()}, or with {@link #skipStatements()} when its statements are not
 * counted; the first step begins with the work.
 */
public final class Observed {

	private final StatementCounter counter;

	private final List<Object> values = new ArrayList<>();

	private final List<Integer> statements = new ArrayList<>();

	private int mark;

	Observed(StatementCounter counter) {
		this.counter = counter;
		this.mark = counter.count();
	}

	/** Records a value the work read, {@code null} too. */
	public void value(Object value) {
		this.values.add(value);
	}

	/** Ends a step, recording the number of statements it executed. */
	public void countStatements() {
		this.statements.add(endStep());
	}

	/** Ends a step without recording its statements. */
	public void skipStatements() {
		endStep();
	}

	/** The values read, in order. */
	public List<Object> values() {
		return Collections.unmodifiableList(this.values);
	}

	/** The statements of each counted step, in order. */
	public List<Integer> statements() {
		return Collections.unmodifiableList(this.statements);
	}

	private int endStep() {
		int count = this.counter.count();
		int step = count - this.mark;
		this.mark = count;
		return step;
	}

}
