package io.github.bulklazy.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity(name = "BenchCourse")
@Table(name = "bench_course", indexes = @Index(columnList = "teacher_id"))
public class Course {

	@Id
	Long id;

	String title;

	@ManyToOne(fetch = FetchType.LAZY)
	Teacher teacher;

	public String getTitle() {
		return this.title;
	}

	public Teacher getTeacher() {
		return this.teacher;
	}

}
