package io.github.bulklazy.autoconfigure.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Student;
import io.github.bulklazy.test.NoRemainingNPlusOne;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@code @NoRemainingNPlusOne} under {@code @SpringBootTest}: the remaining N+1 of a page the
 * server's thread renders fails the test, though the application turned bulk-lazy's exception into
 * an error response the test never looks at. The example test runs through the JUnit Platform's
 * test kit.
 */
class TestSupportInApplicationTests {

	@Test
	void aRemainingNPlusOneOnTheServersThreadFailsTheTest() {
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(PageWithExcludedSchools.class))
			.execute()
			.testEvents()
			.assertThatEvents()
			.haveExactly(1, event(test("readsThePage"), finishedWithFailure(instanceOf(AssertionError.class),
					message((text) -> text.startsWith("Expected no remaining N+1, but 2 statements ran:")
							&& text.contains("at " + StudentSchoolsController.class.getName() + ".lambda$schools$")
							&& text.contains(("and 1 remaining N+1:%n  - remaining N+1: Student.school loaded one at a "
									+ "time again at %s.lambda$schools$").formatted(StudentSchoolsController.class.getName()))
							&& text.contains("(excluded); include it: remove it from bulk-lazy.exclude")))));
	}

	@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "spring.datasource.url=jdbc:h2:mem:page;DB_CLOSE_DELAY=-1",
					"spring.jpa.hibernate.ddl-auto=create-drop", "bulk-lazy.exclude=Student.school",
					"bulk-lazy.on-remaining-n-plus-one=fail" })
	@NoRemainingNPlusOne
	static class PageWithExcludedSchools {

		@LocalServerPort
		private int port;

		@Autowired
		private TransactionTemplate transactions;

		@Autowired
		private EntityManager entityManager;

		@BeforeEach
		void seed() {
			this.transactions.executeWithoutResult((status) -> {
				for (long id = 1; id <= 3; id++) {
					School school = new School(id, "School " + id, null);
					this.entityManager.persist(school);
					this.entityManager.persist(new Student(id, "Student " + id, school));
				}
			});
		}

		@Test
		void readsThePage() throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/students/schools"))
				.build();
			HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}

	}

}
