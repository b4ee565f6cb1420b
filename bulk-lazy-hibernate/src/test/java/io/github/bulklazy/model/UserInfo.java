package io.github.bulklazy.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "bl_user_info")
public class UserInfo {

	@Id
	private Long id;

	private String details;

	/** The inverse side: Hibernate loads it by unique key, so bulk-lazy leaves it alone. */
	@OneToOne(mappedBy = "userInfo")
	private User user;

	protected UserInfo() {
	}

	public UserInfo(Long id, String details) {
		this.id = id;
		this.details = details;
	}

	public Long getId() {
		return this.id;
	}

	public String getDetails() {
		return this.details;
	}

	public User getUser() {
		return this.user;
	}

}
