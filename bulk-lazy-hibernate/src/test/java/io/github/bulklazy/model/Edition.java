package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** An {@code @EmbeddedId} entity: the target of {@code Copy.edition}, the owner of its copies. */
@Entity
@Table(name = "bl_edition")
public class Edition {

	@EmbeddedId
	private EditionId id;

	private String title;

	@OneToMany(mappedBy = "edition")
	@OrderBy("id")
	private List<Copy> copies = new ArrayList<>();

	protected Edition() {
	}

	public Edition(EditionId id, String title) {
		this.id = id;
		this.title = title;
	}

	public EditionId getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public List<Copy> getCopies() {
		return this.copies;
	}

}
