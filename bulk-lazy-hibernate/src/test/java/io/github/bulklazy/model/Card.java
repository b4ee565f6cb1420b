package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.FetchProfile;
import org.hibernate.annotations.FetchProfile.FetchOverride;

/**
 * The owning side of a one-to-one to a wallet, with an EAGER collection that Hibernate's loaders
 * join, and a lazy one that a fetch profile joins.
 */
@Entity
@Table(name = "bl_card")
@FetchProfile(name = Card.WITH_NOTES, fetchOverrides = @FetchOverride(entity = Card.class, association = "notes"))
public class Card {

	/** Loads a card's notes with it. */
	public static final String WITH_NOTES = "cardWithNotes";

	@Id
	private Long id;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "wallet_id", unique = true)
	private Wallet wallet;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "bl_card_stamp")
	@OrderColumn
	private List<String> stamps = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "bl_card_note")
	@OrderColumn
	private List<String> notes = new ArrayList<>();

	protected Card() {
	}

	public Card(Long id, Wallet wallet) {
		this.id = id;
		this.wallet = wallet;
	}

	public Long getId() {
		return this.id;
	}

	public List<String> getStamps() {
		return this.stamps;
	}

	public List<String> getNotes() {
		return this.notes;
	}

}
