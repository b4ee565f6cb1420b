package io.github.bulklazy.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE reads: a description for every {@code bulk-lazy.*} property,
 * and value hints with descriptions.
 */
class ConfigurationMetadataTests {

	private static final List<String> PROPERTIES = List.of("enabled", "include", "exclude", "chunk-size",
			"on-remaining-n-plus-one", "scope");

	@Test
	void everyPropertyHasADescriptionAndTheChoicesHaveHints() throws IOException {
		String metadata = compact(bulkLazyMetadata());
		for (String property : PROPERTIES) {
			assertThat(metadata).as(property).containsPattern("\\{[^{}]*\"description\":\"[^\"]+\"[^{}]*\"name\":\"bulk-lazy\\."
					+ property + "\"|\\{[^{}]*\"name\":\"bulk-lazy\\." + property + "\"[^{}]*\"description\":\"[^\"]+\"");
		}
		assertThat(metadata).contains("{\"name\":\"bulk-lazy.scope\",\"values\":[{\"value\":\"session\",")
			.contains("{\"value\":\"query\",")
			.contains("{\"name\":\"bulk-lazy.on-remaining-n-plus-one\",\"values\":[{\"value\":\"ignore\",")
			.contains("{\"name\":\"bulk-lazy.chunk-size\",\"values\":[{\"value\":256,")
			.contains("{\"name\":\"bulk-lazy.exclude\",\"values\":[{\"value\":\"Student.school\",");
	}

	/** The generated metadata of this module, among the class path's. */
	private static String bulkLazyMetadata() throws IOException {
		for (URL url : Collections.list(
				ConfigurationMetadataTests.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (text.contains("\"bulk-lazy.enabled\"")) {
					return text;
				}
			}
		}
		throw new AssertionError("no spring-configuration-metadata.json with bulk-lazy's properties");
	}

	/** The JSON without the white space between its tokens. */
	private static String compact(String json) {
		return json.replaceAll("\\s*([{}\\[\\]:,])\\s*", "$1");
	}

}
