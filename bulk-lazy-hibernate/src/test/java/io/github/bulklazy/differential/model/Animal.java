package io.github.bulklazy.differential.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** Root of a SINGLE_TABLE hierarchy, reached by {@code Person.pet}; its subclasses by {@code Person.dog}. */
@Entity
@Table(name = "rd_animal")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class Animal {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "pet")
	@OrderBy("id desc")
	private List<Person> keepers = new ArrayList<>();

	protected Animal() {
	}

	protected Animal(Long id) {
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

	public List<Person> getKeepers() {
		return this.keepers;
	}

}
