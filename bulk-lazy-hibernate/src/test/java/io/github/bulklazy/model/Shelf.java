package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An {@code @IdClass} entity, the target of {@code Copy.shelf}. */
@Entity
@Table(name = "bl_shelf")
@IdClass(ShelfId.class)
public class Shelf {

	@Id
	private Integer room;

	@Id
	private Integer position;

	private String label;

	protected Shelf() {
	}

	public Shelf(Integer room, Integer position) {
		this.room = room;
		this.position = position;
		this.label = "Shelf " + room + "." + position;
	}

	public String getLabel() {
		return this.label;
	}

}
