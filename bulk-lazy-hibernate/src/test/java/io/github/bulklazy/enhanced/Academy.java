package io.github.bulklazy.enhanced;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A bytecode-enhanced entity without subclasses: Hibernate uses its instances as their own proxies.
 * With {@code @DynamicUpdate} and no version, a value set on such a proxy is kept without loading it.
 */
@Entity
@DynamicUpdate
@Table(name = "bl_academy")
public class Academy {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "academy")
	@OrderBy("id")
	private List<Pupil> pupils = new ArrayList<>();

	/** Makes academies the elements of a many-to-many, whose element Hibernate joins, never fetches. */
	@ManyToMany
	@JoinTable(name = "bl_academy_partner")
	private List<Academy> partners = new ArrayList<>();

	protected Academy() {
	}

	public Academy(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<Pupil> getPupils() {
		return this.pupils;
	}

	public List<Academy> getPartners() {
		return this.partners;
	}

}
