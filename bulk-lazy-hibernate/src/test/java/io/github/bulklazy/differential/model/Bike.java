package io.github.bulklazy.differential.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A subclass with a basic property only. */
@Entity
@Table(name = "rd_bike")
public class Bike extends Vehicle {

	private Integer gears;

	protected Bike() {
	}

	public Bike(Long id) {
		super(id);
	}

	public Integer getGears() {
		return this.gears;
	}

	public void setGears(Integer gears) {
		this.gears = gears;
	}

}
