package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The photo of a badge, under the badge's id. */
@Entity
@Table(name = "bl_badge_photo")
public class BadgePhoto {

	@Id
	private Long id;

	private String caption;

	protected BadgePhoto() {
	}

	public BadgePhoto(Long id, String caption) {
		this.id = id;
		this.caption = caption;
	}

	public Long getId() {
		return this.id;
	}

	public String getCaption() {
		return this.caption;
	}

}
