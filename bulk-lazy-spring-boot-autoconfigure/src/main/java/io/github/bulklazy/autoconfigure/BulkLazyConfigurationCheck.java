package io.github.bulklazy.autoconfigure;

import java.util.List;
import java.util.Locale;

import io.github.bulklazy.hibernate.BulkLazyPlans;
import io.github.bulklazy.hibernate.ClosestNames;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Stops start-up, with a {@link BulkLazyConfigurationException}, when a {@code bulk-lazy.}
 * property is not one bulk-lazy knows (naming the closest valid one), when
 * {@code bulk-lazy.enabled} is neither {@code true} nor {@code false}, or when
 * {@code bulk-lazy.include} or {@code bulk-lazy.exclude} names an entity or association that no
 * entity manager factory of the application maps.
 */
final class BulkLazyConfigurationCheck implements SmartInitializingSingleton {

	private static final String PREFIX = "bulk-lazy.";

	private static final List<String> KEYS = List.of("enabled", "include", "exclude", "chunk-size",
			"on-remaining-n-plus-one", "scope");

	private final Environment environment;

	private final BulkLazyProperties properties;

	private final BulkLazyPlans plans;

	private final ObjectProvider<EntityManagerFactory> entityManagerFactories;

	BulkLazyConfigurationCheck(Environment environment, BulkLazyProperties properties, BulkLazyPlans plans,
			ObjectProvider<EntityManagerFactory> entityManagerFactories) {
		this.environment = environment;
		this.properties = properties;
		this.plans = plans;
		this.entityManagerFactories = entityManagerFactories;
	}

	@Override
	public void afterSingletonsInstantiated() {
		checkKeys();
		checkEnabled();
		checkEntries();
	}

	private void checkKeys() {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				boolean systemEnvironment = source instanceof SystemEnvironmentPropertySource;
				for (String name : enumerable.getPropertyNames()) {
					String key = systemEnvironment ? variableKey(name) : propertyKey(name);
					if (key != null && !(systemEnvironment ? isKnownVariable(key) : isKnownProperty(key))) {
						throw unknownKey(name, key, source);
					}
				}
			}
		}
	}

	/** Only {@code true} and {@code false}, in any case: not the other forms Spring binds to a boolean. */
	private void checkEnabled() {
		String value = Binder.get(this.environment).bind(PREFIX + "enabled", String.class).orElse(null);
		if (value != null && !value.trim().equalsIgnoreCase("true")) {
			throw new BulkLazyConfigurationException("Invalid value '" + value + "' for property 'bulk-lazy.enabled'.",
					"Set bulk-lazy.enabled to true or false, or remove it (bulk-lazy is enabled by default).");
		}
	}

	private void checkEntries() {
		if (this.properties.getInclude().isEmpty() && this.properties.getExclude().isEmpty()) {
			return;
		}
		// Waits for factories bootstrapped in the background
		this.entityManagerFactories.forEach(EntityManagerFactory::getMetamodel);
		try {
			this.plans.checkEntries(this.properties.toSettings());
		}
		catch (IllegalArgumentException ex) {
			throw new BulkLazyConfigurationException(String.valueOf(ex.getMessage()),
					"Correct or remove these entries of bulk-lazy.include or bulk-lazy.exclude: each must name a "
							+ "mapped entity ('Student', 'com.acme.Student') or association ('Student.school').",
					ex);
		}
	}

	private static boolean isKnownProperty(String key) {
		return KEYS.stream().map(BulkLazyConfigurationCheck::canonical).anyMatch(canonical(key)::equals);
	}

	/**
	 * Whether Spring Boot binds the environment variable of the key after {@code BULK_LAZY_}:
	 * {@code CHUNK_SIZE} or {@code INCLUDE_0}, not {@code CHUNKSIZE}.
	 */
	private static boolean isKnownVariable(String key) {
		String upper = key.toUpperCase(Locale.ROOT);
		return KEYS.stream()
			.anyMatch((known) -> upper.matches(known.toUpperCase(Locale.ROOT).replace('-', '_') + "(_\\d+)?"));
	}

	private static BulkLazyConfigurationException unknownKey(String name, String key, PropertySource<?> source) {
		String closest = PREFIX + ClosestNames.of(key, KEYS, 1).get(0);
		return new BulkLazyConfigurationException("Unknown property '" + name + "' (from '" + source.getName()
				+ "'); the closest valid property is '" + closest + "'.",
				"Correct '" + name + "', for example to '" + closest + "', or remove it. The bulk-lazy properties are "
						+ String.join(", ", KEYS.stream().map((valid) -> PREFIX + valid).toList()) + ".");
	}

	/**
	 * The part of a property name after {@code bulk-lazy.}, {@code bulk_lazy.} or {@code bulkLazy.}
	 * (in any case but all lower), which Spring Boot binds alike, or {@code null} when the property
	 * is not bulk-lazy's. Spring Boot binds {@code bulklazy.} too, but that prefix is left to other
	 * uses, such as this project's build properties ({@code bulklazy.test.postgresql.url}).
	 */
	private static @Nullable String propertyKey(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		boolean bulkLazys = lower.startsWith(PREFIX) || lower.startsWith("bulk_lazy.")
				|| (lower.startsWith("bulklazy.") && !name.startsWith("bulklazy."));
		return bulkLazys ? name.substring(name.indexOf('.') + 1) : null;
	}

	/**
	 * The part of an environment variable's name after {@code BULK_LAZY_}, in any case, or
	 * {@code null} when the variable is not bulk-lazy's. Spring Boot binds {@code BULKLAZY_} too
	 * ({@code BULKLAZY_CHUNKSIZE}), but that prefix is left to other uses, as {@code bulklazy.} is
	 * ({@code BULKLAZY_JAVA25_HOME} of this project's build).
	 */
	private static @Nullable String variableKey(String name) {
		String prefix = "BULK_LAZY_";
		return name.toUpperCase(Locale.ROOT).startsWith(prefix) ? name.substring(prefix.length()) : null;
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
