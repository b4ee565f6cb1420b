package io.github.bulklazy.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BulkLazyConfigurationFailureAnalyzer}. */
class BulkLazyConfigurationFailureAnalyzerTests {

	@Test
	void explainsAFailedStartUpWithDescriptionAndAction() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BulkLazyAutoConfiguration.class))
			.withPropertyValues("bulk-lazy.enabled=yes")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new BulkLazyConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("Invalid value 'yes' for property 'bulk-lazy.enabled'.");
				assertThat(analysis.getAction()).contains("Set bulk-lazy.enabled to true or false");
				assertThat(analysis.getCause()).isInstanceOf(BulkLazyConfigurationException.class);
			});
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(new BulkLazyConfigurationFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void isRegisteredInSpringFactories() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
				// analyzers of other modules that need constructor arguments
			}));
		assertThat(analyzers).hasAtLeastOneElementOfType(BulkLazyConfigurationFailureAnalyzer.class);
	}

}
