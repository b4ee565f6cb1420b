package io.github.bulklazy.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The same sample with {@code --bulk-lazy.enabled=false}: the N+1 loops of plain Hibernate, and
 * {@code ?bulk-lazy=off} changes nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "bulk-lazy.enabled=false", "spring.datasource.url=jdbc:h2:mem:plain;DB_CLOSE_DELAY=-1" })
class PlainHibernateSampleTests {

	@LocalServerPort
	private int port;

	@Test
	void everyLazyReadIsAStatement() throws Exception {
		SampleHttp http = new SampleHttp(this.port);
		assertThat(http.statements("/api/students")).isEqualTo(1 + 50 + 10 + 1000 + 1000);
		assertThat(http.statements("/api/students?bulk-lazy=off")).isEqualTo(1 + 50 + 10 + 1000 + 1000);
		var page = http.get("/schools");
		assertThat(page.headers().firstValue("X-Sql-Statements")).hasValue(String.valueOf(1 + 10 + 50 + 3000));
		assertThat(page.body()).contains("with bulk-lazy <strong>off</strong>")
			.contains("bulk-lazy is off in this application")
			.doesNotContain("?bulk-lazy=off");
		assertThat(http.get("/actuator").body()).doesNotContain("bulklazy");
	}

	@Test
	void homePageShowsPlainHibernateTwice() throws Exception {
		String home = new SampleHttp(this.port).get("/").body();
		assertThat(HomePage.parse(home).pages()).containsExactly(
				entry("/schools", new HomePage.Statements(1 + 10 + 50 + 3000, 1 + 10 + 50 + 3000)),
				entry("/api/students", new HomePage.Statements(1 + 50 + 10 + 1000 + 1000, 1 + 50 + 10 + 1000 + 1000)));
		assertThat(home).contains("bulk-lazy is off in this application");
		assertThat(HomePage.parse(home).associations()).isEmpty();
	}

}
