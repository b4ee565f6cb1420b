package io.github.bulklazy.model;

import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;

/**
 * EAGER to-ones, JPA's default for {@code @ManyToOne}: a query for players loads their schools,
 * former schools, mascots and courses right after it. Some have none; some former schools are missing
 * from their table; mascots are of two subclasses.
 */
@Entity
@Table(name = "bl_player")
public class Player {

	@Id
	private Long id;

	private String name;

	@ManyToOne
	private School school;

	@ManyToOne
	@NotFound(action = NotFoundAction.IGNORE)
	@JoinColumn(name = "former_school_id", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
	private School formerSchool;

	@ManyToOne
	private Animal mascot;

	/** A course, which {@code @SQLRestriction} hides when it is archived. */
	@ManyToOne
	private Course course;

	protected Player() {
	}

	public Player(Long id, String name, School school, Animal mascot) {
		this.id = id;
		this.name = name;
		this.school = school;
		this.mascot = mascot;
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

	public void setSchool(School school) {
		this.school = school;
	}

	public School getFormerSchool() {
		return this.formerSchool;
	}

	public Animal getMascot() {
		return this.mascot;
	}

	public Course getCourse() {
		return this.course;
	}

}
