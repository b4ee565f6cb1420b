package io.github.bulklazy.benchmarks.model;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity(name = "BenchStudent")
@Table(name = "bench_student", indexes = @Index(columnList = "school_id"))
public class Student {

	@Id
	Long id;

	String name;

	@ManyToOne(fetch = FetchType.LAZY)
	School school;

	@ManyToMany
	@JoinTable(name = "bench_enrollment", joinColumns = @JoinColumn(name = "student_id"),
			inverseJoinColumns = @JoinColumn(name = "course_id"), indexes = @Index(columnList = "student_id"))
	Set<Course> courses = new LinkedHashSet<>();

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public School getSchool() {
		return this.school;
	}

	public Set<Course> getCourses() {
		return this.courses;
	}

}
