package io.github.bulklazy.model;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An EAGER collection, which Hibernate loads by one select per team after a query. */
@Entity
@Table(name = "bl_team")
public class Team {

	@Id
	private Long id;

	private String name;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "bl_team_member")
	private Set<String> members = new LinkedHashSet<>();

	protected Team() {
	}

	public Team(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Set<String> getMembers() {
		return this.members;
	}

}
