package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "bl_school")
public class School {

	@Id
	private Long id;

	private String name;

	@Column(unique = true)
	private String code;

	@ManyToOne(fetch = FetchType.LAZY)
	private District district;

	@OneToMany(mappedBy = "school")
	@OrderBy("name desc")
	private List<Student> students = new ArrayList<>();

	@OneToMany(mappedBy = "school")
	private List<Teacher> teachers = new ArrayList<>();

	protected School() {
	}

	public School(Long id, String name, District district) {
		this.id = id;
		this.name = name;
		this.code = "S" + id;
		this.district = district;
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

	public List<Teacher> getTeachers() {
		return this.teachers;
	}

}
