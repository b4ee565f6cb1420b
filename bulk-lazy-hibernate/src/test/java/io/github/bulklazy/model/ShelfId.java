package io.github.bulklazy.model;

import java.io.Serializable;
import java.util.Objects;

/** The {@code @IdClass} of a {@link Shelf}: a room and a position in it. */
public class ShelfId implements Serializable {

	private Integer room;

	private Integer position;

	protected ShelfId() {
	}

	public ShelfId(Integer room, Integer position) {
		this.room = room;
		this.position = position;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ShelfId id) && Objects.equals(this.room, id.room)
				&& Objects.equals(this.position, id.position);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.room, this.position);
	}

}
