package io.github.bulklazy.test;

import java.util.List;
import java.util.Map;

import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.hibernate.OnRemainingNPlusOne;
import io.github.bulklazy.hibernate.RemainingNPlusOneException;
import io.github.bulklazy.testsupport.Fixture;
import io.github.bulklazy.testsupport.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The extension fails a test that left a remaining N+1 or ran too many statements, even where the
 * application swallowed bulk-lazy's exception: the example tests below run through the JUnit
 * Platform's test kit.
 */
class BulkLazyExtensionTests {

	/** A factory whose schools of students are left to Hibernate and refused from the second one. */
	private static EntityManagerFactory schoolsExcluded;

	@Test
	void failsATestThatLeftARemainingNPlusOneWhoseExceptionTheApplicationCaught() {
		Events tests = run(NoRemainingNPlusOneExamples.class);
		tests.assertThatEvents()
			.haveExactly(1, event(test("readsInBulk"), finishedSuccessfully()))
			.haveExactly(1, event(test("swallowsTheFailure"), finishedWithFailure(instanceOf(AssertionError.class),
					message((text) -> text.startsWith("Expected no remaining N+1, but 2 statements ran:")
							&& text.contains("remaining N+1: Student.school loaded one at a time again at "
									+ RecordingTests.class.getName() + ".lambda$schoolNames$")))));
	}

	@Test
	void anAnnotationOnASuperclassCounts() {
		run(InheritedExamples.class).assertThatEvents()
			.haveExactly(1, event(test("swallowsTheFailure"), finishedWithFailure(instanceOf(AssertionError.class),
					message((text) -> text.startsWith("Expected no remaining N+1, but 2 statements ran:")))));
	}

	@Test
	void failsATestThatRanMoreStatementsThanAllowedWithoutCountingItsSetUp() {
		Events tests = run(MaxStatementsExamples.class);
		tests.assertThatEvents()
			.haveExactly(1, event(test("runsTwo"), finishedSuccessfully()))
			.haveExactly(1, event(test("runsThree"), finishedWithFailure(instanceOf(AssertionError.class),
					message((text) -> text.startsWith("Expected at most 2 statements, but 3 statements ran:")))));
	}

	@AfterAll
	static void closeFactory() {
		if (schoolsExcluded != null) {
			schoolsExcluded.close();
		}
	}

	private static Events run(Class<?> examples) {
		Fixture fixture = Fixture.on(TestDatabase.H2);
		if (schoolsExcluded == null) {
			schoolsExcluded = fixture.factory(new BulkLazySettings(List.of(), List.of("Student.school"), null)
				.withOnRemainingNPlusOne(OnRemainingNPlusOne.FAIL), Map.of());
		}
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(examples)).execute().testEvents();
	}

	@NoRemainingNPlusOne
	static class NoRemainingNPlusOneExamples {

		@Test
		void readsInBulk() {
			Fixture fixture = Fixture.on(TestDatabase.H2);
			fixture.bulk(RecordingTests::schoolNames);
		}

		@Test
		void swallowsTheFailure() {
			Fixture fixture = Fixture.on(TestDatabase.H2);
			fixture.run(schoolsExcluded, (entityManager) -> {
				try {
					return RecordingTests.schoolNames(entityManager);
				}
				catch (RemainingNPlusOneException ex) {
					// an application that turns every exception into an error page
					return List.of();
				}
			});
		}

	}

	static class InheritedExamples extends NoRemainingNPlusOneExamples {

	}

	static class MaxStatementsExamples {

		@BeforeEach
		void setUp() {
			Fixture.on(TestDatabase.H2).bulk(RecordingTests::schoolNames);
		}

		@Test
		@MaxStatements(2)
		void runsTwo(Recording recording) {
			Fixture.on(TestDatabase.H2).bulk(RecordingTests::schoolNames);
			assertThat(recording.statements()).hasSize(2);
		}

		@Test
		@MaxStatements(2)
		void runsThree() {
			Fixture.on(TestDatabase.H2).bulk((entityManager) -> {
				RecordingTests.schoolNames(entityManager);
				return entityManager.createQuery("select count(s) from School s").getSingleResult();
			});
		}

	}

}
