package io.github.bulklazy.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the {@code bulk-lazy.*} configuration stops start-up: carries a description of the
 * problem and the action that fixes it, which {@link BulkLazyConfigurationFailureAnalyzer} reports.
 */
public class BulkLazyConfigurationException extends RuntimeException {

	/** What is wrong. */
	private final String description;

	/** What the user should do about it. */
	private final String action;

	/**
	 * Creates a new exception.
	 * @param description what is wrong, naming the property and its value
	 * @param action what the user should do about it
	 */
	public BulkLazyConfigurationException(String description, String action) {
		this(description, action, null);
	}

	/**
	 * Creates a new exception.
	 * @param description what is wrong, naming the property and its value
	 * @param action what the user should do about it
	 * @param cause the underlying failure, or {@code null}
	 */
	public BulkLazyConfigurationException(String description, String action, @Nullable Throwable cause) {
		super(description, cause);
		this.description = description;
		this.action = action;
	}

	/**
	 * What is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * What the user should do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
