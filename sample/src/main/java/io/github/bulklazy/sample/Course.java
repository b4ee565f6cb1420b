package io.github.bulklazy.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Course {

	@Id
	private Long id;

	private String title;

	@ManyToOne(fetch = FetchType.LAZY)
	private Teacher teacher;

	protected Course() {
	}

	public String getTitle() {
		return this.title;
	}

	public Teacher getTeacher() {
		return this.teacher;
	}

}
