package io.github.bulklazy.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import io.github.bulklazy.autoconfigure.app.TestApplication;
import io.github.bulklazy.model.Course;
import io.github.bulklazy.model.School;
import io.github.bulklazy.model.Teacher;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code bulklazy} endpoint through a real HTTP request. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=bulklazy",
				"spring.datasource.url=jdbc:h2:mem:endpoint;DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=create-drop", "bulk-lazy.exclude=Course",
				// the application's JSON settings do not reshape the endpoint's responses
				"spring.jackson.property-naming-strategy=SNAKE_CASE",
				"spring.jackson.default-property-inclusion=non_null" })
class BulkLazyEndpointTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Test
	void reportsConfigurationModesAndCounters() throws Exception {
		BulkLazyJpaIntegrationTests.schoolReadingStatements(this.entityManagerFactory);
		HttpResponse<String> response = get("/actuator/bulklazy");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"configuration\":{\"include\":[],\"exclude\":[\"Course\"],\"chunkSize\":null,"
					+ "\"onRemainingNPlusOne\":\"log\",\"scope\":\"session\"}")
			.contains("\"entityManagerFactory\":{\"chunkSize\":256,\"associations\":{")
			.contains("\"Student.school\":{\"kind\":\"to-one\",\"target\":\"io.github.bulklazy.model.School\","
					+ "\"mode\":\"bulk\",\"reason\":null,\"chunkSize\":256,\"batches\":1,\"queriesSaved\":4,\"fallbacks\":0,"
					+ "\"hibernateBatches\":0,\"hibernateBatchSize\":0}")
			.contains("\"Course.teacher\":{\"kind\":\"to-one\",\"target\":\"io.github.bulklazy.model.Teacher\","
					+ "\"mode\":\"excluded\",\"reason\":\"excluded by configuration or @BulkLazy(false)\"");
	}

	@Test
	void listsTheRemainingNPlusOneByCallSite() throws Exception {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			School school = new School(100L, "School 100", null);
			entityManager.persist(school);
			for (long id = 100; id < 104; id++) {
				Teacher teacher = new Teacher(id, "Teacher " + id, school);
				entityManager.persist(teacher);
				entityManager.persist(new Course(id, "Course " + id, teacher, false));
			}
			entityManager.flush();
			entityManager.clear();
			entityManager.createQuery("from Course c where c.id >= 100", Course.class)
				.getResultList()
				.forEach((course) -> course.getTeacher().getName());
		}
		finally {
			entityManager.getTransaction().rollback();
			entityManager.close();
		}
		// Teachers 101 to 103 load one at a time after the first: three loads at the lambda's line
		assertThat(get("/actuator/bulklazy").body()).containsPattern(Pattern.quote("\"remainingNPlusOne\":[{"
				+ "\"association\":\"Course.teacher\",\"reason\":\"excluded\",\"callSite\":\"" + getClass().getName()
				+ ".lambda$listsTheRemainingNPlusOneByCallSite$0(BulkLazyEndpointTests.java:") + "\\d+"
				+ Pattern.quote(")\",\"loads\":3,\"fix\":\"include it: remove it from bulk-lazy.exclude, or the "
						+ "@BulkLazy(false)\"}]"));
	}

	@Test
	void reportsOneAssociation() throws Exception {
		HttpResponse<String> response = get("/actuator/bulklazy/District.schools");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("{\"entityManagerFactory\":{\"kind\":\"collection\"")
			.contains("\"mode\":\"fallback\",\"reason\":\"@Fetch(SUBSELECT): Hibernate's subselect fetching stays in charge\"");
		assertThat(get("/actuator/bulklazy/Student.nothing").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
