package io.github.bulklazy.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A bytecode-enhanced entity that an EAGER to-one loads: its proxies stay with Hibernate. */
@Entity
@Table(name = "bl_campus")
public class Campus {

	@Id
	private Long id;

	private String name;

	@ManyToOne
	private Campus mainCampus;

	protected Campus() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Campus getMainCampus() {
		return this.mainCampus;
	}

}
