package io.github.bulklazy.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An EAGER to-one, JPA's default: a query for players loads their teams right after it. */
@Entity(name = "BenchPlayer")
@Table(name = "bench_player")
public class Player {

	@Id
	Long id;

	String name;

	@ManyToOne
	Team team;

	public Team getTeam() {
		return this.team;
	}

}
