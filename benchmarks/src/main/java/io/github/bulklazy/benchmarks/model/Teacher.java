package io.github.bulklazy.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity(name = "BenchTeacher")
@Table(name = "bench_teacher")
public class Teacher {

	@Id
	Long id;

	String name;

	public String getName() {
		return this.name;
	}

}
