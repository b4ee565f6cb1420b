package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The stub of a {@link Ticket}: the inverse side of its one-to-one. */
@Entity
@Table(name = "bl_ticket_stub")
public class TicketStub {

	@Id
	private Long id;

	@OneToOne(mappedBy = "stub")
	private Ticket ticket;

	protected TicketStub() {
	}

	public TicketStub(Long id) {
		this.id = id;
	}

	public Ticket getTicket() {
		return this.ticket;
	}

}
