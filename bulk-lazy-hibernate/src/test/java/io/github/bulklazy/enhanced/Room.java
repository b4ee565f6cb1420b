package io.github.bulklazy.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bytecode-enhanced entity that the composite id of {@link Booking} loads: left to Hibernate. */
@Entity
@Table(name = "bl_room")
public class Room {

	@Id
	private Long id;

	protected Room() {
	}

	public Long getId() {
		return this.id;
	}

}
