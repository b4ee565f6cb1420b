package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Each item points at its own box, so loading items creates one proxy per item. */
@Entity
@Table(name = "bl_item")
public class Item {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Box box;

	protected Item() {
	}

	public Long getId() {
		return this.id;
	}

	public Box getBox() {
		return this.box;
	}

}
