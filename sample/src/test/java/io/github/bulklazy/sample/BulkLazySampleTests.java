package io.github.bulklazy.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The sample with bulk-lazy: a few statements per page, the same pages with bulk-lazy switched
 * off for their session, and the meters to show it. Spring Boot 3.5 exports metrics in tests only
 * when told to; Spring Boot 4 ignores the property.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.test.observability.auto-configure=true")
class BulkLazySampleTests {

	/** A school's name and its students' names, as the schools page lists them. */
	private static final Pattern SCHOOL = Pattern.compile("<strong>([^<]+)</strong>,(.*?)</details>", Pattern.DOTALL);

	private static final Pattern STUDENT = Pattern.compile("<tr>\\s*<td>([^<]+)</td>");

	@LocalServerPort
	private int port;

	@Test
	void studentListRunsOneStatementPerAssociationLevelAndChunk() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		// students; their 50 schools; 10 districts; 1,000 addresses and course sets in chunks of 256
		assertThat(http.statements("/api/students")).isEqualTo(1 + 1 + 1 + 4 + 4);
		// switched off for the request's session: one statement per school, district, address and course set
		assertThat(http.statements("/api/students?bulk-lazy=off")).isEqualTo(1 + 50 + 10 + 1000 + 1000);
		assertThat(http.get("/api/students?limit=3").body()).startsWith(
				"[{\"name\":\"Olivia Garcia\",\"school\":\"Oakwood High School\",\"district\":\"Northgate\","
						+ "\"city\":\"Springfield\",\"courses\":[\"Algebra 101\",\"Biology 201\",\"Chemistry 301\"]}");
	}

	@Test
	void schoolPageShowsItsStatementCountAndLinksToTheOtherVariant() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		var page = http.get("/schools");
		// schools; their districts; their students; the courses of 3,000 students in chunks of 256
		assertThat(page.headers().firstValue("X-Sql-Statements")).hasValue("15");
		assertThat(page.body()).contains("This page ran <strong>15</strong> SQL statements")
			.contains("with bulk-lazy <strong>on</strong>")
			.contains("<a href=\"/schools?bulk-lazy=off\">")
			.contains("50 schools");
		var switchedOff = http.get("/schools?bulk-lazy=off");
		// schools; 10 districts, 50 student lists and 3,000 course sets one at a time
		assertThat(switchedOff.headers().firstValue("X-Sql-Statements")).hasValue(String.valueOf(1 + 10 + 50 + 3000));
		assertThat(switchedOff.body()).contains("with bulk-lazy <strong>off</strong>")
			.contains("<a href=\"/schools\">Run it with bulk-lazy on</a>");
	}

	@Test
	void schoolPageListsDistinctNamesInOrder() throws Exception {
		String page = new SampleHttp(this.port).get("/schools").body();
		List<String> schools = new ArrayList<>();
		Matcher school = SCHOOL.matcher(page);
		while (school.find()) {
			schools.add(school.group(1));
			List<String> students = new ArrayList<>();
			Matcher student = STUDENT.matcher(school.group(2));
			while (student.find()) {
				students.add(student.group(1));
			}
			assertThat(students).as(school.group(1)).hasSize(60).doesNotHaveDuplicates().isSorted();
		}
		assertThat(schools).hasSize(50).doesNotHaveDuplicates().isSorted().startsWith("Ashbrook High School");
	}

	@Test
	void homePageRunsEachPageWithAndWithoutBulkLazy() throws Exception {
		HomePage home = HomePage.parse(new SampleHttp(this.port).get("/").body());
		// the headers of the pages with bulk-lazy and with ?bulk-lazy=off (the tests above), both runs in one request
		assertThat(home.pages()).containsExactly(entry("/schools", new HomePage.Statements(15, 1 + 10 + 50 + 3000)),
				entry("/api/students", new HomePage.Statements(1 + 1 + 1 + 4 + 4, 1 + 50 + 10 + 1000 + 1000)));
		assertThat(home.associations()).contains("Student.school", "Student.courses", "School.students");
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
