package io.github.bulklazy.testsupport;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Says at the end of the run which databases were skipped because they could not be reached. */
public class SkippedDatabasesReport implements TestExecutionListener {

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (TestDatabase.unreachable.isEmpty()) {
			return;
		}
		StringBuilder report = new StringBuilder("\n*** bulk-lazy: tests on these databases were SKIPPED, not passed:\n");
		TestDatabase.unreachable.forEach((database, reason) -> report.append("***   ")
			.append(database)
			.append(" (")
			.append(reason)
			.append(")\n"));
		report.append("*** Start them (see .ci/run) or point bulklazy.test.<database>.url at them.\n");
		System.out.println(report);
	}

}
