package io.github.bulklazy.model;

import jakarta.persistence.Entity;

@Entity
public class Dog extends Animal {

	protected Dog() {
	}

	public Dog(Long id, String name) {
		super(id, name);
	}

}
