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
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

@Entity
@Table(name = "bl_school")
@FilterDef(name = School.NOT_NAMED, parameters = @ParamDef(name = "name", type = String.class))
@Filter(name = School.NOT_NAMED, condition = "name <> :name")
public class School {

	/** A filter that hides the school of a name, from queries, not from loads by key. */
	public static final String NOT_NAMED = "schoolNotNamed";

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
