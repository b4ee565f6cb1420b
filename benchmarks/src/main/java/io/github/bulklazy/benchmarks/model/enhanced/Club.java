package io.github.bulklazy.benchmarks.model.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Bytecode-enhanced by the build, without subclasses: its instances are their own proxies. */
@Entity(name = "BenchClub")
@Table(name = "bench_club")
public class Club {

	@Id
	Long id;

	String name;

	public String getName() {
		return this.name;
	}

}
