package io.github.bulklazy.hibernate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a setting that names one of an enum's constants. */
final class SettingChoices {

	private SettingChoices() {
	}

	/**
	 * The constant a setting names, in any case.
	 * @throws IllegalArgumentException naming the valid values
	 */
	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", ")), ex);
		}
	}

}
