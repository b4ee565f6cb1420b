package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "bl_address")
public class Address {

	@Id
	private Long id;

	private String email;

	@ManyToOne(fetch = FetchType.LAZY)
	private User user;

	protected Address() {
	}

	public Address(Long id, String email, User user) {
		this.id = id;
		this.email = email;
		this.user = user;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public User getUser() {
		return this.user;
	}

}
