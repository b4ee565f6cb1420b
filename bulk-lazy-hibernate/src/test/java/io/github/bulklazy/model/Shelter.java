package io.github.bulklazy.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/**
 * An EAGER collection of {@link PetOwner}, whose rows hold proxies typed to {@code Animal} and to
 * {@code Dog}.
 */
@Entity
@Table(name = "bl_shelter")
public class Shelter {

	@Id
	private Long id;

	@ManyToMany(fetch = FetchType.EAGER)
	@JoinTable(name = "bl_shelter_owner")
	private List<PetOwner> owners = new ArrayList<>();

	protected Shelter() {
	}

	public Shelter(Long id, List<PetOwner> owners) {
		this.id = id;
		this.owners.addAll(owners);
	}

	public List<PetOwner> getOwners() {
		return this.owners;
	}

}
