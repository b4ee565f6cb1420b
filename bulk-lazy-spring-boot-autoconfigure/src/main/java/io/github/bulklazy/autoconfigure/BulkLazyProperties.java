package io.github.bulklazy.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.bulklazy.hibernate.BulkLazySettings;
import io.github.bulklazy.hibernate.OnRemainingNPlusOne;
import io.github.bulklazy.hibernate.PeerScope;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of bulk lazy loading. Validates itself as it is bound: a chunk size out of range
 * fails the binding.
 */
@ConfigurationProperties("bulk-lazy")
public class BulkLazyProperties implements Validator {

	/**
	 * Whether lazy associations are bulk-loaded. When false, nothing of bulk-lazy is registered
	 * and Hibernate loads as usual.
	 */
	private boolean enabled = true;

	/**
	 * Entities ('Student', 'com.acme.Student') or associations ('Student.school') that are the
	 * only ones bulk-loaded. An entity covers every association that starts from it or ends at
	 * it. Empty means all.
	 */
	private List<String> include = new ArrayList<>();

	/**
	 * Entities or associations that are never bulk-loaded, in the same form as include. Exclude
	 * wins over include.
	 */
	private List<String> exclude = new ArrayList<>();

	/**
	 * Maximum number of keys in one bulk statement, from 1 to 32767. Unset, it depends on the
	 * dialect: 1024, 256 on H2, lowered to the dialect's limit on parameters (Oracle 1000, SQL
	 * Server 2100).
	 */
	private @Nullable Integer chunkSize;

	/**
	 * What to do when a lazy association loads one key at a time again in a session (a remaining
	 * N+1): 'ignore' (only counted for the endpoint and test assertions), 'log' (one warning per
	 * association and call site) or 'fail' (throw, for tests).
	 */
	private OnRemainingNPlusOne onRemainingNPlusOne = OnRemainingNPlusOne.LOG;

	/**
	 * Which waiting entities a bulk load takes with the one being read: 'session' (every entity
	 * of the session that still needs the association) or 'query' (only those that came from the
	 * same query, collection load or bulk load, for sessions that hold many entities of a type but
	 * read an association of a few).
	 */
	private PeerScope scope = PeerScope.SESSION;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getInclude() {
		return this.include;
	}

	public void setInclude(List<String> include) {
		this.include = include;
	}

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		this.exclude = exclude;
	}

	public @Nullable Integer getChunkSize() {
		return this.chunkSize;
	}

	public void setChunkSize(@Nullable Integer chunkSize) {
		this.chunkSize = chunkSize;
	}

	public OnRemainingNPlusOne getOnRemainingNPlusOne() {
		return this.onRemainingNPlusOne;
	}

	public void setOnRemainingNPlusOne(OnRemainingNPlusOne onRemainingNPlusOne) {
		this.onRemainingNPlusOne = onRemainingNPlusOne;
	}

	public PeerScope getScope() {
		return this.scope;
	}

	public void setScope(PeerScope scope) {
		this.scope = scope;
	}

	BulkLazySettings toSettings() {
		return new BulkLazySettings(this.include, this.exclude, this.chunkSize, this.onRemainingNPlusOne, this.scope);
	}

	@Override
	public boolean supports(Class<?> type) {
		return BulkLazyProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		Integer size = ((BulkLazyProperties) target).getChunkSize();
		if (size != null && (size < 1 || size > BulkLazySettings.MAX_CHUNK_SIZE)) {
			errors.rejectValue("chunkSize", "range", "the chunk size must be between 1 and "
					+ BulkLazySettings.MAX_CHUNK_SIZE + ", was " + size + "; remove it to use the dialect's default");
		}
	}

}
