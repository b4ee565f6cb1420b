package io.github.bulklazy.sample;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

@Entity
public class School {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private District district;

	@OneToMany(mappedBy = "school")
	@OrderBy("name")
	private List<Student> students = new ArrayList<>();

	protected School() {
	}

	public Long getId() {
		return this.id;
	}

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
