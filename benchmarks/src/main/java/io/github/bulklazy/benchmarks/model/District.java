package io.github.bulklazy.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity(name = "BenchDistrict")
@Table(name = "bench_district")
public class District {

	@Id
	Long id;

	String name;

	public String getName() {
		return this.name;
	}

}
