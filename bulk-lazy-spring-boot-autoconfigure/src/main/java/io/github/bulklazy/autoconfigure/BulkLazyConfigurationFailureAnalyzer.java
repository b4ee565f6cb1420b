package io.github.bulklazy.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up failure caused by the {@code bulk-lazy.*} configuration.
 */
public class BulkLazyConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BulkLazyConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BulkLazyConfigurationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
