package io.github.bulklazy.sample;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;

@Entity
public class Student {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private School school;

	@OneToOne(fetch = FetchType.LAZY)
	private Address address;

	/** Enrollments: a many-to-many through a join table. */
	@ManyToMany
	@JoinTable(name = "enrollment", joinColumns = @JoinColumn(name = "student_id"),
			inverseJoinColumns = @JoinColumn(name = "course_id"))
	@OrderBy("title")
	private Set<Course> courses = new LinkedHashSet<>();

	protected Student() {
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

	public Address getAddress() {
		return this.address;
	}

	public Set<Course> getCourses() {
		return this.courses;
	}

}
