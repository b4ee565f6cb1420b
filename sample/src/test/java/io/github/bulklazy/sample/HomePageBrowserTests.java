package io.github.bulklazy.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The home page in a real browser: headless Chromium, driven by its own command line, renders it;
 * the numbers it shows must be the {@value SchoolController#STATEMENTS_HEADER} headers of the
 * pages it compares, and a screenshot is saved to {@code target/home-page.png}. The browser is
 * the {@code bulklazy.browser} system property, or {@code chromium}, {@code chromium-browser} or
 * {@code google-chrome} on the path. Without one the test is skipped, and fails when the
 * environment variable {@code CI} is {@code true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1")
class HomePageBrowserTests {

	private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

	private static final long BROWSER_TIMEOUT_SECONDS = 60;

	private static final Path TARGET = Path.of("target");

	@LocalServerPort
	private int port;

	@Test
	void homePageShowsTheStatementsOfThePagesItCompares() throws Exception {
		Path browser = browser();
		String home = "http://localhost:" + this.port + "/";
		HomePage page = HomePage.parse(runBrowser(browser, "--dump-dom", home));
		assertThat(page.pages()).containsOnlyKeys("/schools", "/api/students");
		SampleHttp http = new SampleHttp(this.port);
		for (Map.Entry<String, HomePage.Statements> compared : page.pages().entrySet()) {
			String path = compared.getKey();
			HomePage.Statements statements = compared.getValue();
			assertThat(http.statements(path)).as(path).isEqualTo(statements.bulk());
			assertThat(http.statements(path + "?bulk-lazy=off")).as(path).isEqualTo(statements.plain());
			assertThat(statements.bulk()).as(path).isLessThan(statements.plain());
		}
		assertThat(page.associations()).contains("Student.school");

		Path screenshot = TARGET.resolve("home-page.png").toAbsolutePath();
		Files.deleteIfExists(screenshot);
		runBrowser(browser, "--screenshot=" + screenshot, "--window-size=1280,2000", home);
		assertThat(screenshot).isNotEmptyFile();
	}

	/** The browser to run, or the test skipped (failed on CI) without one. */
	private static Path browser() {
		String configured = System.getProperty("bulklazy.browser", "");
		if (!configured.isBlank()) {
			Path browser = Path.of(configured);
			assertThat(browser).as("bulklazy.browser").isExecutable();
			return browser;
		}
		Optional<Path> found = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
					Stream.of("/usr/bin"))
			.filter((directory) -> !directory.isEmpty())
			.flatMap((directory) -> BROWSER_NAMES.stream().map((name) -> Path.of(directory, name)))
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isPresent()) {
			return found.get();
		}
		String missing = "no Chromium: none of " + BROWSER_NAMES
				+ " on the path, and no -Dbulklazy.browser; install Debian's chromium package";
		return "true".equals(System.getenv("CI")) ? fail(missing) : Assumptions.abort(missing);
	}

	/**
	 * Runs headless Chromium with a fresh profile under {@code target/} and returns what it wrote
	 * to standard output. Root needs {@code --no-sandbox}; {@code --disable-dev-shm-usage} spares
	 * the small {@code /dev/shm} of containers.
	 */
	private static String runBrowser(Path browser, String... arguments) throws IOException, InterruptedException {
		Path profile = TARGET.resolve("chromium-profile").toAbsolutePath();
		FileSystemUtils.deleteRecursively(profile);
		Path output = TARGET.resolve("chromium-output.txt");
		Path log = TARGET.resolve("chromium-log.txt");
		List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
			.redirectError(log.toFile())
			.start();
		if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("Chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s: " + command + "\n"
					+ read(log));
		}
		assertThat(process.exitValue()).as("exit code of %s; its log:%n%s", command,
				read(log)).isZero();
		return read(output);
	}

	/** A file's text, with any byte that is not UTF-8 replaced rather than failing the read. */
	private static String read(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

}
