package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** EAGER to-ones to entities with composite keys: an {@code @EmbeddedId} and an {@code @IdClass}. */
@Entity
@Table(name = "bl_citation")
public class Citation {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumns({ @JoinColumn(name = "edition_book", referencedColumnName = "book"),
			@JoinColumn(name = "edition_number", referencedColumnName = "number") })
	private Edition edition;

	@ManyToOne(fetch = FetchType.EAGER)
	@JoinColumns({ @JoinColumn(name = "shelf_room", referencedColumnName = "room"),
			@JoinColumn(name = "shelf_position", referencedColumnName = "position") })
	private Shelf shelf;

	protected Citation() {
	}

	public Citation(Long id, Edition edition, Shelf shelf) {
		this.id = id;
		this.edition = edition;
		this.shelf = shelf;
	}

	public Long getId() {
		return this.id;
	}

	public Edition getEdition() {
		return this.edition;
	}

	public Shelf getShelf() {
		return this.shelf;
	}

}
