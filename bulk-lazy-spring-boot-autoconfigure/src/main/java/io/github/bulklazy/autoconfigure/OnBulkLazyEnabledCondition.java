package io.github.bulklazy.autoconfigure;

import java.util.List;
import java.util.Locale;

import io.github.bulklazy.hibernate.ClosestNames;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code bulk-lazy.enabled} is {@code false}. Stops start-up with a
 * {@link BulkLazyConfigurationException} when that property is neither {@code true} nor
 * {@code false}, or when a property under {@code bulk-lazy.} is not one bulk-lazy knows.
 */
class OnBulkLazyEnabledCondition extends SpringBootCondition {

	private static final String PREFIX = "bulk-lazy.";

	private static final List<String> KEYS = List.of("enabled", "include", "exclude", "chunk-size");

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		checkKeys(context.getEnvironment());
		return enabled(context.getEnvironment()) ? ConditionOutcome.match("bulk-lazy.enabled is true or absent")
				: ConditionOutcome.noMatch("bulk-lazy.enabled is false");
	}

	private static boolean enabled(Environment environment) {
		String value = environment.getProperty(PREFIX + "enabled");
		if (value == null || value.trim().equalsIgnoreCase("true")) {
			return true;
		}
		if (value.trim().equalsIgnoreCase("false")) {
			return false;
		}
		throw new BulkLazyConfigurationException("Invalid value '" + value + "' for property 'bulk-lazy.enabled'.",
				"Set bulk-lazy.enabled to true or false, or remove it (bulk-lazy is enabled by default).");
	}

	private static void checkKeys(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				boolean systemEnvironment = source instanceof SystemEnvironmentPropertySource;
				for (String name : enumerable.getPropertyNames()) {
					String key = key(name, systemEnvironment);
					if (key != null && !isKnown(key)) {
						throw unknownKey(name, key, source);
					}
				}
			}
		}
	}

	private static boolean isKnown(String key) {
		return KEYS.stream().map(OnBulkLazyEnabledCondition::canonical).anyMatch(canonical(key)::equals);
	}

	private static BulkLazyConfigurationException unknownKey(String name, String key, PropertySource<?> source) {
		String closest = PREFIX + ClosestNames.of(key, KEYS, 1).get(0);
		return new BulkLazyConfigurationException("Unknown property '" + name + "' (from '" + source.getName()
				+ "'); the closest valid property is '" + closest + "'.",
				"Correct '" + name + "', for example to '" + closest + "', or remove it. The bulk-lazy properties are "
						+ String.join(", ", KEYS.stream().map((valid) -> PREFIX + valid).toList()) + ".");
	}

	/**
	 * The part of a property name after the {@code bulk-lazy.} prefix ({@code BULK_LAZY_} in the
	 * system environment), or {@code null} when the property is not bulk-lazy's.
	 */
	private static @Nullable String key(String name, boolean systemEnvironment) {
		String prefix = systemEnvironment ? "bulk_lazy_" : PREFIX;
		return name.toLowerCase(Locale.ROOT).startsWith(prefix) ? name.substring(prefix.length()) : null;
	}

	/**
	 * A key in a form all its relaxed forms share: lower case, without dashes, underscores or list
	 * index ({@code chunk-size}, {@code chunkSize}, {@code chunk_size}, {@code CHUNK_SIZE} give
	 * {@code chunksize}; {@code include[0]} and {@code INCLUDE_0_} give {@code include}).
	 */
	private static String canonical(String key) {
		return key.replaceFirst("(\\[.*|[._]\\d+_?)$", "").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
