package io.github.bulklazy.model;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;

/** The composite key of an {@link Edition}: a book and its edition number. */
@Embeddable
public class EditionId implements Serializable {

	private Long book;

	private Integer number;

	protected EditionId() {
	}

	public EditionId(Long book, Integer number) {
		this.book = book;
		this.number = number;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof EditionId id) && Objects.equals(this.book, id.book)
				&& Objects.equals(this.number, id.number);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.book, this.number);
	}

	@Override
	public String toString() {
		return this.book + "/" + this.number;
	}

}
