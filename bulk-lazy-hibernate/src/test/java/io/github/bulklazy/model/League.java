package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** Its teams have an EAGER collection, which loads while the teams' bulk load runs. */
@Entity
@Table(name = "bl_league")
public class League {

	@Id
	private Long id;

	@ManyToMany
	@JoinTable(name = "bl_league_team")
	@OrderBy("id")
	private List<Team> teams = new ArrayList<>();

	protected League() {
	}

	public League(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	public List<Team> getTeams() {
		return this.teams;
	}

}
