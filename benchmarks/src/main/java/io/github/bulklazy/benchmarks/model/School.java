package io.github.bulklazy.benchmarks.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

@Entity(name = "BenchSchool")
@Table(name = "bench_school", indexes = @Index(columnList = "district_id"))
public class School {

	@Id
	Long id;

	String name;

	@ManyToOne(fetch = FetchType.LAZY)
	District district;

	@OneToMany(mappedBy = "school")
	List<Student> students = new ArrayList<>();

	public String getName() {
		return this.name;
	}

	public District getDistrict() {
		return this.district;
	}

	public List<Student> getStudents() {
		return this.students;
	}

}
