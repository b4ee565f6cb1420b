package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

/** Root of a JOINED hierarchy: {@link Car} holds a lazy association, {@link Bike} none. */
@Entity
@Table(name = "bl_vehicle")
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {

	@Id
	private Long id;

	private String label;

	protected Vehicle() {
	}

	public Vehicle(Long id, String label) {
		this.id = id;
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

}
