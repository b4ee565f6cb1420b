package io.github.bulklazy.model;

import jakarta.persistence.Entity;

@Entity
public class Cat extends Animal {

	protected Cat() {
	}

	public Cat(Long id, String name) {
		super(id, name);
	}

}
