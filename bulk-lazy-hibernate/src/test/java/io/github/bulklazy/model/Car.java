package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "bl_car")
public class Car extends Vehicle {

	@ManyToOne(fetch = FetchType.LAZY)
	private City garage;

	protected Car() {
	}

	public Car(Long id, String label, City garage) {
		super(id, label);
		this.garage = garage;
	}

	public City getGarage() {
		return this.garage;
	}

}
