package io.github.bulklazy.model;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/**
 * A shared-primary-key one-to-one: a badge's photo has the badge's id, and not every badge has one.
 * Hibernate loads it by id as it reads the badge's row.
 */
@Entity
@Table(name = "bl_badge")
public class Badge {

	@Id
	private Long id;

	private String holder;

	@OneToOne
	@PrimaryKeyJoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
	private BadgePhoto photo;

	protected Badge() {
	}

	public Badge(Long id, String holder) {
		this.id = id;
		this.holder = holder;
	}

	public Long getId() {
		return this.id;
	}

	public String getHolder() {
		return this.holder;
	}

	public BadgePhoto getPhoto() {
		return this.photo;
	}

}
