package io.github.bulklazy.hibernate;

import org.jspecify.annotations.Nullable;

/**
 * One lazy association of the mapping and what bulk-lazy does with it.
 *
 * @param name the association as configuration names it, {@code Student.school}
 * @param ownerEntity Hibernate entity name of the entity that declares the association
 * @param attribute attribute name on the owner, {@code null} for the references of an entity
 * @param kind to-one, EAGER to-one or collection
 * @param targetEntity Hibernate entity name of what the association loads, {@code null} for
 * collections of values
 * @param mode whether bulk-lazy loads it
 * @param reason why it is excluded or falls back, {@code null} when bulk-loaded
 */
public record Association(String name, String ownerEntity, @Nullable String attribute, Kind kind,
		@Nullable String targetEntity, Mode mode, @Nullable Reason reason) {

	/** The shape of an association. */
	public enum Kind {

		/** A lazy {@code @ManyToOne} or owning {@code @OneToOne}: an entity proxy. */
		TO_ONE,

		/**
		 * An EAGER {@code @ManyToOne} or owning {@code @OneToOne}, or a to-one Hibernate loads by
		 * unique key (an inverse {@code @OneToOne}, a to-one joined on a non-primary-key column),
		 * which Hibernate loads as it reads the owner.
		 */
		EAGER_TO_ONE,

		/** A {@code @OneToMany}, {@code @ManyToMany} or {@code @ElementCollection}. */
		COLLECTION,

		/**
		 * The proxies {@code getReference} makes of an entity, which belong to no association;
		 * named after the entity.
		 */
		REFERENCE

	}

	/** What bulk-lazy does with an association. */
	public enum Mode {

		/** Loaded for every peer in the session at once. */
		BULK,

		/** Switched off by configuration or annotation: plain Hibernate. */
		EXCLUDED,

		/** A mapping bulk-lazy does not load, or one the user tuned by hand: plain Hibernate. */
		FALLBACK

	}

	/** Why an association is left to plain Hibernate. */
	public enum Reason {

		/** Switched off by configuration or {@code @BulkLazy(false)}. */
		EXCLUDED("excluded", "excluded by configuration or @BulkLazy(false)"),

		/** {@code @BatchSize} on the association or its target entity. */
		BATCH_SIZE("batch-size", "@BatchSize: Hibernate's batch fetching stays in charge"),

		/** {@code hibernate.default_batch_fetch_size} is set. */
		DEFAULT_BATCH_FETCH_SIZE("default-batch-fetch-size",
				"hibernate.default_batch_fetch_size is set: Hibernate's batch fetching stays in charge"),

		/** {@code @Fetch(FetchMode.SUBSELECT)}. */
		SUBSELECT("subselect", "@Fetch(SUBSELECT): Hibernate's subselect fetching stays in charge"),

		/**
		 * An EAGER collection whose elements' rows hold lazy to-ones typed to two entities of one
		 * inheritance hierarchy. Hibernate keeps the first proxy it makes for a row; loading the
		 * collections together, in the database's order instead of the result's, can change which
		 * proxy that is, and with it whether a later {@code find} returns a read-only proxy made by
		 * a read-only query.
		 */
		MIXED_PROXY_TYPES("mixed-proxy-types",
				"its elements hold lazy to-ones typed to two entities of one inheritance hierarchy: "
						+ "Hibernate loads the collections in the order of the result"),

		/** {@code @SQLSelect} or a named query loads it. */
		CUSTOM_LOADER("custom-loader", "loaded by a custom query (@SQLSelect or named query)"),

		/**
		 * A collection keyed by a property-ref, or a to-one joined on non-primary-key columns that
		 * are not one single-column property of the target.
		 */
		NON_PRIMARY_KEY_JOIN("non-primary-key-join", "joins on non-primary-key columns: a collection keyed by a "
				+ "property-ref, or a to-one to columns that are not one single-column property of its target"),

		/** An inverse or shared-primary-key {@code @OneToOne} of an entity with a composite key. */
		INVERSE_ONE_TO_ONE("inverse-one-to-one", "inverse or shared-primary-key @OneToOne of an entity with a "
				+ "composite key: Hibernate loads it as it reads its owner"),

		/**
		 * A to-one Hibernate loads with its owner, by the id of a target whose id holds an
		 * association ({@code @Id @ManyToOne}, or a to-one inside an {@code @EmbeddedId}).
		 */
		ASSOCIATION_IN_TARGET_ID("association-in-target-id", "loaded with its owner by the id of a target whose "
				+ "id holds an association, which Hibernate resolves as it reads the row"),

		/** An EAGER to-one inside an embeddable or a natural id, which bulk-lazy's persisters do not build. */
		EAGER("eager", "FetchType.EAGER inside an embeddable or a natural id: Hibernate loads it right after "
				+ "the query that loads its owner"),

		/** An EAGER to-one of an entity whose persister class bulk-lazy's resolver does not choose. */
		CUSTOM_PERSISTER("custom-persister", "FetchType.EAGER on an entity whose persister bulk-lazy cannot "
				+ "choose: @Persister, hibernate.persister.resolver, or hibernate.integrator_provider is not a "
				+ "BulkLazyIntegratorProvider"),

		/** An EAGER to-one of an entity in the second-level cache. */
		CACHED_OWNER("cached-owner", "FetchType.EAGER on an entity in the second-level cache: Hibernate caches "
				+ "the entity as its row is read, before the targets would be loaded"),

		/** An EAGER to-one written through a setter or by bytecode enhancement. */
		OWNER_ACCESS("owner-access", "FetchType.EAGER on an attribute written through a setter (property access) "
				+ "or a bytecode-enhanced entity: bulk-lazy sets it after the query's rows, which the setter would "
				+ "see as null first, or dirty tracking as a change"),

		/**
		 * A to-one Hibernate loads with its owner whose target, or what loads with it, is in an
		 * inheritance hierarchy that lazy to-ones reach, or holds lazy to-ones into one.
		 */
		LAZILY_REACHED_HIERARCHY("lazily-reached-hierarchy", "loaded with its owner, and its target, or what loads "
				+ "with it, is in or holds lazy to-ones into an inheritance hierarchy that lazy to-ones reach: loaded "
				+ "after the query's rows, it could meet or make a proxy where Hibernate, loading it while the row is "
				+ "read, hands out an entity of a subclass, or the other way round"),

		/**
		 * A bytecode-enhanced entity used as its own proxy, in a session factory whose batch loader
		 * factory is not bulk-lazy's.
		 */
		ENHANCED_PROXY("enhanced-proxy", "a bytecode-enhanced entity used as its own proxy, and the batch loader "
				+ "factory is not bulk-lazy's: hibernate.integrator_provider is not a BulkLazyIntegratorProvider, "
				+ "or another library replaced the factory"),

		/** A bytecode-enhanced entity used as its own proxy that an EAGER to-one or a composite id also loads. */
		ENHANCED_EAGER_TARGET("enhanced-eager-target", "a bytecode-enhanced entity used as its own proxy that an "
				+ "EAGER to-one or a composite id also loads: bulk-lazy would make Hibernate batch those"),

		/** A to-one inside the elements of a collection that Hibernate loads, where bulk-lazy never sees them. */
		ELEMENTS_LEFT_TO_HIBERNATE("elements-left-to-hibernate",
				"inside the elements of a collection left to Hibernate, which bulk-lazy never sees load"),

		/**
		 * A to-one Hibernate loads with its owner, on Hibernate 6.6: there, loading it as the row is
		 * read can make the target, and the proxies its row makes, read-only where a load after the
		 * rows leaves them modifiable, so a change plain Hibernate ignores would be written.
		 */
		HIBERNATE_6("hibernate-6", "loaded with its owner, on Hibernate 6.6, which bulk-lazy leaves it to: "
				+ "there, read-only states reach the target as the row is read in ways a load after the rows "
				+ "does not reproduce"),

		/** The running Hibernate lacks what bulk-lazy's loaders are built from. */
		HIBERNATE_VERSION("hibernate-version", "bulk-lazy's loaders cannot be built on this Hibernate version");

		private final String tag;

		private final String description;

		Reason(String tag, String description) {
			this.tag = tag;
			this.description = description;
		}

		/** A short lower-case name, for metric tags. */
		public String tag() {
			return this.tag;
		}

		/** What a person reads in logs and the endpoint. */
		public String description() {
			return this.description;
		}

	}

	/** Hibernate's collection role of this association, {@code com.acme.Student.courses}. */
	public String role() {
		return this.ownerEntity + "." + this.attribute;
	}

	/** This association with another mode, for the given reason. */
	public Association withMode(Mode mode, @Nullable Reason reason) {
		return new Association(this.name, this.ownerEntity, this.attribute, this.kind, this.targetEntity, mode, reason);
	}

}
