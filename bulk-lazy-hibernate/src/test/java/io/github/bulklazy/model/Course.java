package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

/** Archived courses are soft-deleted: no load may return them. */
@Entity
@Table(name = "bl_course")
@SQLRestriction("archived = false")
public class Course {

	@Id
	private Long id;

	private String title;

	private boolean archived;

	@ManyToOne(fetch = FetchType.LAZY)
	private Teacher teacher;

	protected Course() {
	}

	public Course(Long id, String title, Teacher teacher, boolean archived) {
		this.id = id;
		this.title = title;
		this.teacher = teacher;
		this.archived = archived;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Teacher getTeacher() {
		return this.teacher;
	}

}
