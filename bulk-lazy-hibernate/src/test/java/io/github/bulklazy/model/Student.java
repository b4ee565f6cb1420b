package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "bl_student")
public class Student {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private School school;

	@ManyToMany
	@JoinTable(name = "bl_enrollment")
	@OrderBy("title")
	private Set<Course> courses = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "bl_student_nickname")
	@OrderColumn(name = "position")
	private List<String> nicknames = new ArrayList<>();

	protected Student() {
	}

	public Student(Long id, String name, School school) {
		this.id = id;
		this.name = name;
		this.school = school;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public School getSchool() {
		return this.school;
	}

	public Set<Course> getCourses() {
		return this.courses;
	}

	public List<String> getNicknames() {
		return this.nicknames;
	}

}
