package io.github.bulklazy.differential.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * Shared by persons through a join table; holds a set of strings and a to-one to a JOINED root.
 * Bytecode-enhanced by the build: its instances are their own proxies.
 */
@Entity
@Table(name = "rd_club")
public class Club {

	@Id
	private Long id;

	private String name;

	/** EAGER: Hibernate loads it right after a query for clubs. */
	@ManyToOne
	@JoinColumn(name = "bus_id")
	private Vehicle bus;

	@ManyToMany(mappedBy = "clubs")
	@OrderBy("id")
	private List<Person> members = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "rd_club_rule", joinColumns = @JoinColumn(name = "club_id"))
	@Column(name = "rule_text")
	@OrderBy
	private Set<String> rules = new LinkedHashSet<>();

	protected Club() {
	}

	public Club(Long id) {
		this.id = id;
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

	public Vehicle getBus() {
		return this.bus;
	}

	public void setBus(Vehicle bus) {
		this.bus = bus;
	}

	public List<Person> getMembers() {
		return this.members;
	}

	public Set<String> getRules() {
		return this.rules;
	}

}
