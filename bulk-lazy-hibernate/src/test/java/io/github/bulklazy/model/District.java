package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
@Table(name = "bl_district")
public class District {

	@Id
	private Long id;

	private String name;

	/** Tuned by hand: Hibernate's subselect fetching keeps it. */
	@OneToMany(mappedBy = "district")
	@Fetch(FetchMode.SUBSELECT)
	private List<School> schools = new ArrayList<>();

	/** Tuned by hand too: the to-ones inside its elements are left to Hibernate with it. */
	@ElementCollection
	@CollectionTable(name = "bl_district_visit", joinColumns = @JoinColumn(name = "owner_id"))
	@BatchSize(size = 4)
	private List<Visit> visits = new ArrayList<>();

	protected District() {
	}

	public District(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public List<School> getSchools() {
		return this.schools;
	}

}
