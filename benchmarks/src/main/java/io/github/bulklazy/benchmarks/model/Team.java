package io.github.bulklazy.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity(name = "BenchTeam")
@Table(name = "bench_team")
public class Team {

	@Id
	Long id;

	String name;

	public String getName() {
		return this.name;
	}

}
