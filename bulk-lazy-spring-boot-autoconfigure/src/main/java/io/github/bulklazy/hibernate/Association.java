package io.github.bulklazy.hibernate;

/**
 * One lazy association of the mapping and what bulk-lazy does with it.
 *
 * @param name the association as configuration names it, {@code Student.school}
 * @param ownerEntity Hibernate entity name of the entity that declares the association
 * @param attribute attribute name on the owner
 * @param kind to-one or collection
 * @param targetEntity Hibernate entity name of what the association loads, {@code null} for
 * collections of values
 * @param mode whether bulk-lazy loads it
 * @param reason why it is excluded or falls back, {@code null} when bulk-loaded
 */
public record Association(String name, String ownerEntity, String attribute, Kind kind, String targetEntity,
		Mode mode, String reason) {

	/** The shape of an association. */
	public enum Kind {

		/** A {@code @ManyToOne} or owning {@code @OneToOne}: an entity proxy. */
		TO_ONE,

		/** A {@code @OneToMany}, {@code @ManyToMany} or {@code @ElementCollection}. */
		COLLECTION

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

	/** Hibernate's collection role of this association, {@code com.acme.Student.courses}. */
	public String role() {
		return this.ownerEntity + "." + this.attribute;
	}

	Association withMode(Mode mode, String reason) {
		return new Association(this.name, this.ownerEntity, this.attribute, this.kind, this.targetEntity, mode, reason);
	}

}
