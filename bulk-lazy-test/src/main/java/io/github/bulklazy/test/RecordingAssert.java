package io.github.bulklazy.test;

import java.util.List;

import io.github.bulklazy.hibernate.RemainingNPlusOne;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Recording}, whose failures list every statement and remaining N+1 with its call site. */
public final class RecordingAssert extends AbstractAssert<RecordingAssert, Recording> {

	RecordingAssert(Recording actual) {
		super(actual, RecordingAssert.class);
	}

	/** Checks that exactly this many statements ran. */
	public RecordingAssert hasStatements(int expected) {
		isNotNull();
		if (this.actual.statements().size() != expected) {
			failWithMessage("Expected %d statements, but %s", expected, report());
		}
		return this;
	}

	/** Checks that at most this many statements ran. */
	public RecordingAssert hasAtMostStatements(int maximum) {
		isNotNull();
		if (this.actual.statements().size() > maximum) {
			failWithMessage("Expected at most %d statements, but %s", maximum, report());
		}
		return this;
	}

	/** Checks that no association loaded one key at a time more than once in a session. */
	public RecordingAssert hasNoRemainingNPlusOne() {
		isNotNull();
		if (!this.actual.remainingNPlusOne().isEmpty()) {
			failWithMessage("Expected no remaining N+1, but %s", report());
		}
		return this;
	}

	/** Every statement and remaining N+1, numbered, each with its call site. */
	private String report() {
		List<RecordedStatement> statements = this.actual.statements();
		StringBuilder report = new StringBuilder().append(statements.size()).append(" statements ran:");
		for (int i = 0; i < statements.size(); i++) {
			report.append(String.format("%n  %d. %s%n     at %s", i + 1, statements.get(i).sql(),
					statements.get(i).callSite()));
		}
		List<RemainingNPlusOne> remaining = this.actual.remainingNPlusOne();
		report.append(String.format("%nand %d remaining N+1:", remaining.size()));
		remaining.forEach((each) -> report.append(String.format("%n  - %s", each.describe())));
		return report.toString();
	}

}
