package io.github.bulklazy.differential.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A city: target of to-ones from persons, dogs and cars; its residents are ordered by a mutable
 * column; its mayor is the owning side of a one-to-one whose inverse side a person holds.
 */
@Entity
@Table(name = "rd_city")
public class City {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "city")
	@OrderBy("name, id")
	private List<Person> residents = new ArrayList<>();

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "mayor_id", unique = true)
	private Person mayor;

	protected City() {
	}

	public City(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<Person> getResidents() {
		return this.residents;
	}

	public Person getMayor() {
		return this.mayor;
	}

	public void setMayor(Person mayor) {
		this.mayor = mayor;
	}

}
