package io.github.bulklazy.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with bulk-lazy: a few statements per page, and the meters to show it. Spring Boot 3.5
 * exports metrics in tests only when told to; Spring Boot 4 ignores the property.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.test.observability.auto-configure=true")
class BulkLazySampleTests {

	@LocalServerPort
	private int port;

	@Test
	void studentListRunsOneStatementPerAssociationLevelAndChunk() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		// students; their 50 schools; 10 districts; 1,000 addresses and course sets in chunks of 256
		assertThat(http.statements("/api/students")).isEqualTo(1 + 1 + 1 + 4 + 4);
		assertThat(http.get("/api/students?limit=3").body()).startsWith(
				"[{\"name\":\"Alan Lovelace\",\"school\":\"School 1\",\"district\":\"District 1\",\"city\":\"City 1\","
						+ "\"courses\":[\"Biology 1\",\"Geography 4\",\"Physics 7\"]}");
	}

	@Test
	void schoolPageShowsItsStatementCount() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		var page = http.get("/schools");
		// schools; their districts; their students; the courses of 3,000 students in chunks of 256
		assertThat(page.headers().firstValue("X-Sql-Statements")).hasValue("15");
		assertThat(page.body()).contains("This page ran <strong>15</strong> SQL statements")
			.contains("with bulk-lazy <strong>on</strong>")
			.contains("50 schools");
	}

	@Test
	void metersAppearInMetricsAndPrometheus() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		http.get("/api/students");
		assertThat(http.get("/actuator/metrics/bulk.lazy.queries.saved").body()).contains("\"name\":\"bulk.lazy.queries.saved\"")
			.contains("\"association\"");
		assertThat(http.get("/actuator/prometheus").body()).contains(
				"bulk_lazy_queries_saved_total{association=\"Student.school\",entityManagerFactory=\"entityManagerFactory\"}",
				"bulk_lazy_batches_total{association=\"Student.courses\"");
		assertThat(http.get("/actuator/bulklazy/Student.courses").body()).contains("\"mode\":\"bulk\"");
	}

}
