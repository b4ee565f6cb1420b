package io.github.bulklazy.differential.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Root of a JOINED hierarchy, reached by {@code Club.bus}; its subclass {@link Car} by {@code Person.car}. */
@Entity
@Table(name = "rd_vehicle")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Vehicle {

	@Id
	private Long id;

	private String plate;

	/** EAGER: Hibernate loads it right after a query for vehicles. */
	@ManyToOne
	@JoinColumn(name = "owner_id")
	private Person owner;

	protected Vehicle() {
	}

	protected Vehicle(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	public String getPlate() {
		return this.plate;
	}

	public void setPlate(String plate) {
		this.plate = plate;
	}

	public Person getOwner() {
		return this.owner;
	}

	public void setOwner(Person owner) {
		this.owner = owner;
	}

}
