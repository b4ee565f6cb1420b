package io.github.bulklazy.enhanced;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A composite id holding a to-one, which Hibernate loads with its owner like an EAGER one. */
@Entity
@Table(name = "bl_booking")
public class Booking {

	@EmbeddedId
	private Key key;

	protected Booking() {
	}

	public Key getKey() {
		return this.key;
	}

	/** The id of a booking: a room and a slot. */
	@Embeddable
	public static class Key implements Serializable {

		@ManyToOne
		private Room room;

		private Integer slot;

		protected Key() {
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && Objects.equals(this.room, key.room) && Objects.equals(this.slot, key.slot);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.room, this.slot);
		}

	}

}
