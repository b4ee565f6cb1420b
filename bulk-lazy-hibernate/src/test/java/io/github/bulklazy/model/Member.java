package io.github.bulklazy.model;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Holds its associations in an embeddable, {@link Membership}. */
@Entity
@Table(name = "bl_member")
public class Member {

	@Id
	private Long id;

	@Embedded
	private Membership membership;

	protected Member() {
	}

	public Member(Long id, Membership membership) {
		this.id = id;
		this.membership = membership;
	}

	public Long getId() {
		return this.id;
	}

	public Membership getMembership() {
		return this.membership;
	}

}
