package io.github.bulklazy.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Teacher {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private School school;

	protected Teacher() {
	}

	public String getName() {
		return this.name;
	}

	public School getSchool() {
		return this.school;
	}

}
