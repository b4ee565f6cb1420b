package io.github.bulklazy.differential.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A subclass with an EAGER to-one of its own. */
@Entity
@DiscriminatorValue("dog")
public class Dog extends Animal {

	private String breed;

	/** EAGER: Hibernate loads it right after a query for animals or dogs. */
	@ManyToOne
	@JoinColumn(name = "kennel_id")
	private City kennel;

	protected Dog() {
	}

	public Dog(Long id) {
		super(id);
	}

	public String getBreed() {
		return this.breed;
	}

	public void setBreed(String breed) {
		this.breed = breed;
	}

	public City getKennel() {
		return this.kennel;
	}

	public void setKennel(City kennel) {
		this.kennel = kennel;
	}

}
