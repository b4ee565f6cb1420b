package io.github.bulklazy.model;

import java.io.Serializable;
import java.util.Objects;

/** The {@code @IdClass} of a {@link Seat}: its guild's id and its number. */
public class SeatId implements Serializable {

	private Long guild;

	private Integer number;

	protected SeatId() {
	}

	public SeatId(Long guild, Integer number) {
		this.guild = guild;
		this.number = number;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof SeatId id) && Objects.equals(this.guild, id.guild)
				&& Objects.equals(this.number, id.number);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.guild, this.number);
	}

}
