package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Target of many proxies in the cost test. */
@Entity
@Table(name = "bl_box")
public class Box {

	@Id
	private Long id;

	private String label;

	protected Box() {
	}

	public Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

}
