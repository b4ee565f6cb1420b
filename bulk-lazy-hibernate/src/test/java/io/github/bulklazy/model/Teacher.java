package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import io.github.bulklazy.BulkLazy;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "bl_teacher")
public class Teacher {

	@Id
	private Long id;

	private String name;

	/** Switched off in code; configuration can switch it back on. */
	@ManyToOne(fetch = FetchType.LAZY)
	@BulkLazy(false)
	private School school;

	/** Tuned by hand: Hibernate's batch fetching keeps it. */
	@OneToMany(mappedBy = "teacher")
	@BatchSize(size = 2)
	private List<Course> courses = new ArrayList<>();

	protected Teacher() {
	}

	public Teacher(Long id, String name, School school) {
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

	public List<Course> getCourses() {
		return this.courses;
	}

}
