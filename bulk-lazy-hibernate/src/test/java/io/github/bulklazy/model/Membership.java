package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;

/** Associations declared inside an embeddable: a lazy to-one, a collection and an EAGER to-one. */
@Embeddable
public class Membership {

	private Integer since;

	@ManyToOne(fetch = FetchType.LAZY)
	private School school;

	@ManyToMany
	@JoinTable(name = "bl_member_course", joinColumns = @JoinColumn(name = "member_id"),
			inverseJoinColumns = @JoinColumn(name = "course_id"))
	@OrderBy("id")
	private List<Course> courses = new ArrayList<>();

	@ManyToOne
	private Animal pet;

	protected Membership() {
	}

	public Membership(Integer since, School school, Animal pet) {
		this.since = since;
		this.school = school;
		this.pet = pet;
	}

	public School getSchool() {
		return this.school;
	}

	public List<Course> getCourses() {
		return this.courses;
	}

	public Animal getPet() {
		return this.pet;
	}

}
