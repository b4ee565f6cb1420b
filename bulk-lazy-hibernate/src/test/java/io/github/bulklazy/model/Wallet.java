package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The inverse side of a card's one-to-one: Hibernate loads its card by unique key. */
@Entity
@Table(name = "bl_wallet")
public class Wallet {

	@Id
	private Long id;

	@OneToOne(mappedBy = "wallet")
	private Card card;

	protected Wallet() {
	}

	public Wallet(Long id) {
		this.id = id;
	}

	public Card getCard() {
		return this.card;
	}

}
