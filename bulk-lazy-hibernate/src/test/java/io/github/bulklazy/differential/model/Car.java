package io.github.bulklazy.differential.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A subclass with a lazy to-one of its own. */
@Entity
@Table(name = "rd_car")
public class Car extends Vehicle {

	private Integer seats;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "garage_id")
	private City garage;

	protected Car() {
	}

	public Car(Long id) {
		super(id);
	}

	public Integer getSeats() {
		return this.seats;
	}

	public void setSeats(Integer seats) {
		this.seats = seats;
	}

	public City getGarage() {
		return this.garage;
	}

	public void setGarage(City garage) {
		this.garage = garage;
	}

}
