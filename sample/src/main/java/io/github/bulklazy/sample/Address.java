package io.github.bulklazy.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Address {

	@Id
	private Long id;

	private String street;

	private String city;

	protected Address() {
	}

	public String getStreet() {
		return this.street;
	}

	public String getCity() {
		return this.city;
	}

}
