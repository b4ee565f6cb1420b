package io.github.bulklazy.differential.model;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A berth in a dock, keyed by an {@code @IdClass} of two columns: the target of an EAGER to-one,
 * which programs read as a value and never load or change themselves.
 */
@Entity
@Table(name = "rd_berth")
@IdClass(Berth.Key.class)
public class Berth {

	@Id
	@Column(name = "dock_id")
	private Long dock;

	@Id
	private Integer slot;

	private String label;

	protected Berth() {
	}

	@Override
	public String toString() {
		return "Berth#" + this.dock + "/" + this.slot + ":" + this.label;
	}

	/** A dock and a slot in it. */
	public static class Key implements Serializable {

		private Long dock;

		private Integer slot;

		protected Key() {
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Key key) && Objects.equals(this.dock, key.dock) && Objects.equals(this.slot, key.slot);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.dock, this.slot);
		}

	}

}
