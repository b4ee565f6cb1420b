package io.github.bulklazy.model;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * A to-one joined on a school's code, which no foreign key constrains: it may name no school; and
 * the owning side of a one-to-one to its stub; an EAGER to-one to a seat, whose id holds an
 * association.
 */
@Entity
@Table(name = "bl_ticket")
public class Ticket {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "school_code", referencedColumnName = "code",
			foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
	private School school;

	@OneToOne(fetch = FetchType.LAZY)
	private TicketStub stub;

	@ManyToOne(fetch = FetchType.EAGER)
	private Seat seat;

	protected Ticket() {
	}

	public Ticket(Long id, School school, TicketStub stub, Seat seat) {
		this.id = id;
		this.school = school;
		this.stub = stub;
		this.seat = seat;
	}

	public Long getId() {
		return this.id;
	}

	public School getSchool() {
		return this.school;
	}

	public Seat getSeat() {
		return this.seat;
	}

}
