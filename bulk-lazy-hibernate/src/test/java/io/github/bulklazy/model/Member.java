package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** Holds associations in an embeddable, {@link Membership}, and in the elements of a collection, {@link Visit}. */
@Entity
@Table(name = "bl_member")
public class Member {

	@Id
	private Long id;

	@Embedded
	private Membership membership;

	@ElementCollection
	@CollectionTable(name = "bl_member_visit")
	@OrderColumn(name = "position")
	private List<Visit> visits = new ArrayList<>();

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

	public List<Visit> getVisits() {
		return this.visits;
	}

}
