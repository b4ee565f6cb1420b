package io.github.bulklazy.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class District {

	@Id
	private Long id;

	private String name;

	protected District() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
