package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An entity whose id holds an association: a guild, and a number in it. */
@Entity
@Table(name = "bl_seat")
@IdClass(SeatId.class)
public class Seat {

	@Id
	@ManyToOne(fetch = FetchType.LAZY)
	private Guild guild;

	@Id
	private Integer number;

	private String label;

	protected Seat() {
	}

	public Seat(Guild guild, Integer number) {
		this.guild = guild;
		this.number = number;
		this.label = "Seat " + guild.getId() + "." + number;
	}

	public String getLabel() {
		return this.label;
	}

}
