package io.github.bulklazy.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A bytecode-enhanced entity whose lazy to-ones hold enhanced proxies of {@link Academy}. */
@Entity
@Table(name = "bl_pupil")
public class Pupil {

	@Id
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Academy academy;

	@ManyToOne(fetch = FetchType.LAZY)
	private Academy formerAcademy;

	protected Pupil() {
	}

	public Pupil(Long id, String name, Academy academy, Academy formerAcademy) {
		this.id = id;
		this.name = name;
		this.academy = academy;
		this.formerAcademy = formerAcademy;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Academy getAcademy() {
		return this.academy;
	}

	public Academy getFormerAcademy() {
		return this.formerAcademy;
	}

}
