package io.github.bulklazy.differential.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A subclass with a basic property only. */
@Entity
@DiscriminatorValue("cat")
public class Cat extends Animal {

	private Integer lives;

	protected Cat() {
	}

	public Cat(Long id) {
		super(id);
	}

	public Integer getLives() {
		return this.lives;
	}

	public void setLives(Integer lives) {
		this.lives = lives;
	}

}
