package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Holds proxies of the root {@link Animal} and of the subclass {@link Dog}: peers of one group. */
@Entity
@Table(name = "bl_pet_owner")
public class PetOwner {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Animal pet;

	@ManyToOne(fetch = FetchType.LAZY)
	private Dog dog;

	/** Joined on a non-primary-key column: Hibernate loads it by unique key, one row at a time. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "school_code", referencedColumnName = "code")
	private School schoolByCode;

	protected PetOwner() {
	}

	public PetOwner(Long id, Animal pet, Dog dog, School schoolByCode) {
		this.id = id;
		this.pet = pet;
		this.dog = dog;
		this.schoolByCode = schoolByCode;
	}

	public Long getId() {
		return this.id;
	}

	public Animal getPet() {
		return this.pet;
	}

	public Dog getDog() {
		return this.dog;
	}

	public School getSchoolByCode() {
		return this.schoolByCode;
	}

}
