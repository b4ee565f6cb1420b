package io.github.bulklazy.differential.model;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A plot of land, keyed by an {@code @EmbeddedId} of two columns: the target of an EAGER to-one,
 * which programs read as a value and never load or change themselves.
 */
@Entity
@Table(name = "rd_plot")
public class Plot {

	@EmbeddedId
	private Key id;

	private String crop;

	protected Plot() {
	}

	@Override
	public String toString() {
		return "Plot#" + this.id + ":" + this.crop;
	}

	/** An area and a lot in it. */
	@Embeddable
	public static class Key implements Serializable {

		@Column(name = "area_id")
		private Long area;

		private Integer lot;

		protected Key() {
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Key key) && Objects.equals(this.area, key.area) && Objects.equals(this.lot, key.lot);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.area, this.lot);
		}

		@Override
		public String toString() {
			return this.area + "/" + this.lot;
		}

	}

}
