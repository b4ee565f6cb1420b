package io.github.bulklazy.hibernate;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * bulk-lazy's settings among Hibernate's own, for applications without Spring:
 * {@code bulk_lazy.enabled} ({@code true} or {@code false}, default {@code true}),
 * {@code bulk_lazy.include} and {@code bulk_lazy.exclude} (comma-separated entries, or a
 * collection), {@code bulk_lazy.chunk_size}, {@code bulk_lazy.on_remaining_n_plus_one}
 * ({@code ignore}, {@code log} or {@code fail}, default {@code log}), {@code bulk_lazy.scope}
 * ({@code session} or {@code query}, default {@code session}). Any other {@code bulk_lazy.}
 * setting is an error.
 */
final class HibernateSettings {

	static final String PREFIX = "bulk_lazy.";

	private static final List<String> NAMES = List.of("enabled", "include", "exclude", "chunk_size",
			"on_remaining_n_plus_one", "scope");

	private HibernateSettings() {
	}

	/**
	 * The settings in Hibernate's configuration.
	 * @return the settings, or empty when {@code bulk_lazy.enabled} is {@code false}
	 * @throws IllegalArgumentException naming an unknown setting or a bad value
	 */
	static Optional<BulkLazySettings> read(Map<String, Object> configuration) {
		for (String key : configuration.keySet()) {
			if (key.startsWith(PREFIX) && !NAMES.contains(key.substring(PREFIX.length()))) {
				throw new IllegalArgumentException("Unknown Hibernate setting '" + key + "'; the closest valid one is '"
						+ PREFIX + ClosestNames.of(key.substring(PREFIX.length()), NAMES, 1).get(0) + "'");
			}
		}
		Object enabled = configuration.get(PREFIX + "enabled");
		if (enabled != null && !parseBoolean(enabled)) {
			return Optional.empty();
		}
		Integer chunkSize = chunkSize(configuration.get(PREFIX + "chunk_size"));
		OnRemainingNPlusOne onRemainingNPlusOne = choice(configuration, "on_remaining_n_plus_one",
				OnRemainingNPlusOne.LOG);
		PeerScope scope = choice(configuration, "scope", PeerScope.SESSION);
		try {
			return Optional.of(new BulkLazySettings(entries(configuration.get(PREFIX + "include")),
					entries(configuration.get(PREFIX + "exclude")), chunkSize, onRemainingNPlusOne, scope));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid Hibernate setting '" + PREFIX + "chunk_size': " + ex.getMessage(), ex);
		}
	}

	/** The value of a setting that names one of an enum's constants, given as the constant or its name. */
	private static <E extends Enum<E>> E choice(Map<String, Object> configuration, String name, E defaultValue) {
		Object value = configuration.get(PREFIX + name);
		if (value == null) {
			return defaultValue;
		}
		Class<E> type = defaultValue.getDeclaringClass();
		try {
			return type.isInstance(value) ? type.cast(value) : SettingChoices.parse(type, value.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"Invalid value for Hibernate setting '" + PREFIX + name + "': " + ex.getMessage(), ex);
		}
	}

	private static boolean parseBoolean(Object value) {
		String text = value.toString().trim().toLowerCase(Locale.ROOT);
		if (!text.equals("true") && !text.equals("false")) {
			throw new IllegalArgumentException(
					"Invalid value '" + value + "' for Hibernate setting '" + PREFIX + "enabled': use true or false");
		}
		return text.equals("true");
	}

	private static List<String> entries(@Nullable Object value) {
		if (value == null) {
			return List.of();
		}
		Collection<?> items = (value instanceof Collection<?> collection) ? collection
				: Arrays.asList(value.toString().split(","));
		return items.stream().map((item) -> item.toString().trim()).filter((item) -> !item.isEmpty()).toList();
	}

	private static @Nullable Integer chunkSize(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		try {
			return (value instanceof Number number) ? number.intValue() : Integer.valueOf(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Invalid value '" + value + "' for Hibernate setting '" + PREFIX + "chunk_size': use a whole number", ex);
		}
	}

}
