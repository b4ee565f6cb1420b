package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "bl_bike")
public class Bike extends Vehicle {

	protected Bike() {
	}

	public Bike(Long id, String label) {
		super(id, label);
	}

}
