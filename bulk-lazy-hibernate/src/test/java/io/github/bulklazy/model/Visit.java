package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An EAGER to-one to {@link PetOwner}, whose rows hold proxies typed to {@code Animal} and to
 * {@code Dog}: left to Hibernate, which loads the owners in the order of the result.
 */
@Entity
@Table(name = "bl_visit")
public class Visit {

	@Id
	private Long id;

	@ManyToOne
	private PetOwner owner;

	protected Visit() {
	}

	public Visit(Long id, PetOwner owner) {
		this.id = id;
		this.owner = owner;
	}

	public PetOwner getOwner() {
		return this.owner;
	}

}
